-- +goose Up
-- The public decisions (khoản 2 Điều 41 Luật Khiếu nại 2011, Điều 40 Luật Tố
-- cáo 2018), newest first, for citizens: without an index the page
-- read every case and sorted the disclosed ones (issue 20: every page still
-- fast at a country's scale). Only disclosed cases are in it.
CREATE INDEX cases_disclosed ON cases(disclosed_on, id) WHERE disclosed_on IS NOT NULL;

-- +goose Down
DROP INDEX cases_disclosed;
