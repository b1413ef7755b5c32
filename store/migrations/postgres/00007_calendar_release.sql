-- +goose Up
-- The shipped calendar is versioned (workflow.ShippedCalendarVersion): serve
-- and migrate bring an existing database up to the shipped days, replacing
-- shipped days a release corrected and keeping the days an administrator set
-- (store/calendar_sync.go). Each day says where it came from.
ALTER TABLE calendar_days ADD COLUMN provisional BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE calendar_days ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'admin' CHECK (origin IN ('shipped', 'admin'));
ALTER TABLE calendar_days ADD COLUMN set_by TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE calendar_days ADD COLUMN set_at TEXT COLLATE "C" NOT NULL DEFAULT '';

-- The days release 1 shipped, as it wrote them: a stored day equal to one of
-- them is the shipped day; any other was set by an administrator.
UPDATE calendar_days SET origin = 'shipped' WHERE (day, kind, name, source) IN (VALUES
    ('2025-01-01', 'off', 'Tết Dương lịch', 'BLLĐ 2019 Art. 112'),
    ('2025-01-27', 'off', 'Tết Nguyên đán Ất Tỵ', 'Thông báo nghỉ Tết 2025 (25/01–02/02)'),
    ('2025-01-28', 'off', 'Tết Nguyên đán Ất Tỵ', 'Thông báo nghỉ Tết 2025 (25/01–02/02)'),
    ('2025-01-29', 'off', 'Tết Nguyên đán Ất Tỵ', 'Thông báo nghỉ Tết 2025 (25/01–02/02)'),
    ('2025-01-30', 'off', 'Tết Nguyên đán Ất Tỵ', 'Thông báo nghỉ Tết 2025 (25/01–02/02)'),
    ('2025-01-31', 'off', 'Tết Nguyên đán Ất Tỵ', 'Thông báo nghỉ Tết 2025 (25/01–02/02)'),
    ('2025-04-07', 'off', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'BLLĐ 2019 Art. 112'),
    ('2025-04-26', 'work', 'Làm bù cho ngày 02/05', 'Hoán đổi ngày làm việc 2025'),
    ('2025-04-30', 'off', 'Ngày Chiến thắng', 'BLLĐ 2019 Art. 112'),
    ('2025-05-01', 'off', 'Quốc tế Lao động', 'BLLĐ 2019 Art. 112'),
    ('2025-05-02', 'off', 'Nghỉ hoán đổi (làm bù 26/04)', 'Hoán đổi ngày làm việc 2025'),
    ('2025-09-01', 'off', 'Quốc khánh (ngày liền kề)', 'BLLĐ 2019 Art. 112'),
    ('2025-09-02', 'off', 'Quốc khánh', 'BLLĐ 2019 Art. 112'),
    ('2026-01-01', 'off', 'Tết Dương lịch', 'BLLĐ 2019 Art. 112'),
    ('2026-02-16', 'off', 'Tết Nguyên đán Bính Ngọ', 'Thông báo nghỉ Tết 2026 (14/02–22/02)'),
    ('2026-02-17', 'off', 'Tết Nguyên đán Bính Ngọ', 'Thông báo nghỉ Tết 2026 (14/02–22/02)'),
    ('2026-02-18', 'off', 'Tết Nguyên đán Bính Ngọ', 'Thông báo nghỉ Tết 2026 (14/02–22/02)'),
    ('2026-02-19', 'off', 'Tết Nguyên đán Bính Ngọ', 'Thông báo nghỉ Tết 2026 (14/02–22/02)'),
    ('2026-02-20', 'off', 'Tết Nguyên đán Bính Ngọ', 'Thông báo nghỉ Tết 2026 (14/02–22/02)'),
    ('2026-04-27', 'off', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)', 'BLLĐ 2019 Art. 111(3), 112'),
    ('2026-04-30', 'off', 'Ngày Chiến thắng', 'BLLĐ 2019 Art. 112'),
    ('2026-05-01', 'off', 'Quốc tế Lao động', 'BLLĐ 2019 Art. 112'),
    ('2026-09-01', 'off', 'Quốc khánh (ngày liền kề, dự kiến)', 'BLLĐ 2019 Art. 112'),
    ('2026-09-02', 'off', 'Quốc khánh', 'BLLĐ 2019 Art. 112'),
    ('2027-01-01', 'off', 'Tết Dương lịch', 'BLLĐ 2019 Art. 112'),
    ('2027-02-05', 'off', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'BLLĐ 2019 Art. 112'),
    ('2027-02-08', 'off', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'BLLĐ 2019 Art. 112'),
    ('2027-02-09', 'off', 'Tết Nguyên đán Đinh Mùi (dự kiến)', 'BLLĐ 2019 Art. 112'),
    ('2027-02-10', 'off', 'Nghỉ bù Tết (dự kiến)', 'BLLĐ 2019 Art. 111(3), 112'),
    ('2027-02-11', 'off', 'Nghỉ bù Tết (dự kiến)', 'BLLĐ 2019 Art. 111(3), 112'),
    ('2027-04-15', 'off', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'BLLĐ 2019 Art. 112'),
    ('2027-04-30', 'off', 'Ngày Chiến thắng', 'BLLĐ 2019 Art. 112'),
    ('2027-05-03', 'off', 'Nghỉ bù Quốc tế Lao động (01/05 là thứ Bảy)', 'BLLĐ 2019 Art. 111(3), 112'),
    ('2027-09-02', 'off', 'Quốc khánh', 'BLLĐ 2019 Art. 112'),
    ('2027-09-03', 'off', 'Quốc khánh (ngày liền kề, dự kiến)', 'BLLĐ 2019 Art. 112'));

-- The release of the shipped days the database holds: 1 for a database the
-- first release seeded, 0 for a new one.
CREATE TABLE calendar_release (version INTEGER NOT NULL);
INSERT INTO calendar_release (version) SELECT CASE WHEN EXISTS (SELECT 1 FROM calendar_days) THEN 1 ELSE 0 END;

-- +goose Down
DROP TABLE calendar_release;
ALTER TABLE calendar_days DROP COLUMN set_at;
ALTER TABLE calendar_days DROP COLUMN set_by;
ALTER TABLE calendar_days DROP COLUMN origin;
ALTER TABLE calendar_days DROP COLUMN provisional;
