package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"petitions/store"
	"petitions/workflow"
)

// A sheet of units or users to import (issue 19): a csv file holds one of
// them, an xlsx workbook either or both, one per sheet. The first row names
// the columns, in English or as a Vietnamese official writes them; a level
// or a role may be its code or its Vietnamese label.

// importColumns are each column's names, by the field it fills.
var importColumns = map[string][]string{
	"code":     {"code", "mã đơn vị", "ma don vi"},
	"name":     {"name", "tên đơn vị", "họ tên", "họ và tên", "ten don vi", "ho ten"},
	"level":    {"level", "cấp", "cap"},
	"parent":   {"parent", "đơn vị cấp trên", "don vi cap tren"},
	"login":    {"login", "tên đăng nhập", "ten dang nhap"},
	"role":     {"role", "vai trò", "vai tro"},
	"unit":     {"unit", "đơn vị", "mã đơn vị công tác", "don vi"},
	"password": {"password", "mật khẩu", "mat khau"},
}

// maxImportRows bounds a sheet: a province's officials fit many times over.
const maxImportRows = 5000

// staffSheets reads the uploaded file into the rows of units and of users.
func staffSheets(filename string, data []byte) ([]store.ImportUnit, []store.ImportUser, error) {
	var units []store.ImportUnit
	var users []store.ImportUser
	add := func(sheet string, rows [][]string) error {
		if len(rows) == 0 {
			return nil
		}
		if len(rows) > maxImportRows+1 {
			return workflow.Invalid("file", "tệp có quá %d dòng", maxImportRows)
		}
		cols := map[string]int{}
		for i, h := range rows[0] {
			h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
			for field, names := range importColumns {
				for _, n := range names {
					if h == n {
						cols[field] = i
					}
				}
			}
		}
		cell := func(row []string, field string) string {
			if i, ok := cols[field]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		_, isUsers := cols["login"]
		_, isUnits := cols["level"]
		if !isUsers && !isUnits {
			return workflow.Invalid("file", "trang %q: không nhận ra dòng tiêu đề (đơn vị: code, name, level, parent; người dùng: login, name, role, unit, password)", sheet)
		}
		for i, row := range rows[1:] {
			if strings.TrimSpace(strings.Join(row, "")) == "" {
				continue // a blank line between blocks
			}
			at := store.ImportRow{Sheet: sheet, Line: i + 2}
			if isUsers {
				users = append(users, store.ImportUser{ImportRow: at, NewUser: store.NewUser{Login: cell(row, "login"),
					Name: cell(row, "name"), Role: workflow.Role(codeOfLabel(cell(row, "role"), "role.")), Unit: cell(row, "unit"),
					Password: cell(row, "password")}})
			} else {
				units = append(units, store.ImportUnit{ImportRow: at, NewUnit: store.NewUnit{Code: cell(row, "code"),
					Name: cell(row, "name"), Level: codeOfLabel(cell(row, "level"), "units.level_"), Parent: cell(row, "parent")}})
			}
		}
		return nil
	}
	if strings.HasSuffix(strings.ToLower(filename), ".xlsx") {
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, nil, workflow.Invalid("file", "không đọc được tệp Excel")
		}
		defer x.Close()
		for _, sheet := range x.GetSheetList() {
			rows, err := x.GetRows(sheet)
			if err != nil {
				return nil, nil, workflow.Invalid("file", "không đọc được trang %q", sheet)
			}
			if err := add(sheet, rows); err != nil {
				return nil, nil, err
			}
		}
		return units, users, nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, workflow.Invalid("file", "tệp CSV lỗi ở dòng %d", len(rows)+1)
		}
		rows = append(rows, row)
	}
	return units, users, add(filename, rows)
}

// codeOfLabel is the code whose Vietnamese label (key prefix+code) is s, or s.
func codeOfLabel(s, prefix string) string {
	for key, m := range messages {
		if strings.HasPrefix(key, prefix) && strings.EqualFold(m[0], s) {
			return strings.TrimPrefix(key, prefix)
		}
	}
	return strings.ToLower(s)
}

// importSummary is the one-line Vietnamese answer of a refused import.
func importSummary(n int) string {
	return fmt.Sprintf("%d dòng không hợp lệ; không có gì được ghi", n)
}
