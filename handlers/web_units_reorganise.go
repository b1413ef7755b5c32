package handlers

// The reorganisation on the units' page (POST /quan-tri/sap-xep-don-vi; issue
// 19): an administrator ticks the units that end, names the unit that takes
// over (an existing one, or a new one with its name) and the day it takes
// effect; the first press shows what it would do (cases and users moved),
// written nowhere; the second, "confirm", does it as POST
// /api/v1/units/reorganise. A split, with its cases sent to several units, is
// the API's.

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

const reorganisePath = "/quan-tri/sap-xep-don-vi"

// reorganiseForm is the form, as typed.
type reorganiseForm struct {
	EffectiveOn        string
	From               []string
	IntoCode, IntoName string
	Users              string
}

// Ends reports whether the unit is ticked to end.
func (f reorganiseForm) Ends(code string) bool { return slices.Contains(f.From, code) }

var reorganiseMessages = map[string][2]string{
	"reorg.title":         {"Sắp xếp đơn vị (sáp nhập)", "Reorganise units (merge)"},
	"reorg.hint":          {"Các đơn vị được chọn kết thúc hoạt động vào ngày trước ngày có hiệu lực. Hồ sơ đang giải quyết của chúng chuyển sang đơn vị tiếp nhận, mỗi hồ sơ được ghi vào lịch sử; hồ sơ đã kết thúc giữ đơn vị cũ. Báo cáo và số liệu tồn đọng của những ngày trước đó không thay đổi.", "The units ticked end on the day before the effective day. Their active cases move to the successor, each with a line in its history; closed cases keep their unit. Reports and backlogs of the days before stay as they were."},
	"reorg.from":          {"Đơn vị kết thúc hoạt động", "Units that end"},
	"reorg.effective":     {"Ngày có hiệu lực", "Effective from"},
	"reorg.into_code":     {"Mã đơn vị tiếp nhận", "Successor's code"},
	"reorg.into_name":     {"Tên đơn vị tiếp nhận (khi lập đơn vị mới)", "Successor's name (for a new unit)"},
	"reorg.users":         {"Người dùng của đơn vị kết thúc", "Users of the ended units"},
	"reorg.users_move":    {"Chuyển sang đơn vị tiếp nhận", "Move to the successor"},
	"reorg.users_disable": {"Khoá tài khoản", "Disable their accounts"},
	"reorg.preview":       {"Xem trước", "Preview"},
	"reorg.confirm":       {"Xác nhận sắp xếp", "Confirm the reorganisation"},
	"reorg.would":         {"Nếu xác nhận: %s kết thúc từ ngày %s; %d hồ sơ đang giải quyết chuyển sang %s; %d người dùng được chuyển, %d bị khoá.", "If confirmed: %s end from %s; %d active cases move to %s; %d users moved, %d disabled."},
	"reorg.new_unit":      {"%s (đơn vị mới)", "%s (a new unit)"},
	"reorg.done":          {"Đã sắp xếp: %s kết thúc từ ngày %s; %d hồ sơ đang giải quyết đã chuyển sang %s; %d người dùng được chuyển, %d bị khoá.", "Reorganised: %s end from %s; %d active cases moved to %s; %d users moved, %d disabled."},
}

func init() { addMessages(reorganiseMessages) }

// unitsReorganise is POST /quan-tri/sap-xep-don-vi.
func (w *web) unitsReorganise(c *gin.Context) {
	lang := langOf(c)
	f := reorganiseForm{EffectiveOn: c.PostForm("effective_on"), From: c.PostFormArray("from"),
		IntoCode: strings.TrimSpace(c.PostForm("into_code")), IntoName: c.PostForm("into_name"), Users: c.PostForm("users")}
	view := unitsView{Reorg: f}
	if viewerOf(c).Role != workflow.RoleAdmin {
		w.renderUnits(c, http.StatusForbidden, view, nil)
		return
	}
	on, err := parseFormDate("effective_on", f.EffectiveOn, lang)
	name := ""
	if err == nil {
		name, err = text("into_name", f.IntoName, workflow.MaxShort)
	}
	r := store.Reorganisation{EffectiveOn: on, From: f.From, Into: []store.Successor{{Code: f.IntoCode, Name: name}}, Users: f.Users}
	if err == nil && c.PostForm("confirm") != "1" {
		preview, perr := w.store.PreviewReorganisation(c.Request.Context(), viewerOf(c), r)
		if err = perr; err == nil {
			view.ReorgPreview = w.reorganisedLine(lang, "reorg.would", preview, f)
			w.renderUnits(c, http.StatusOK, view, nil)
			return
		}
	}
	if err == nil {
		done, derr := w.store.Reorganise(c.Request.Context(), userOf(c), viewerOf(c), r)
		if err = derr; err == nil {
			setFlash(c, w.reorganisedLine(lang, "reorg.done", done, f))
			c.Redirect(http.StatusSeeOther, unitsPath)
			return
		}
	}
	if e := userRefusal(c, err); e != nil {
		field := e.Field
		if field == "" || field == "into" || field == "moves" || field == "users" {
			field = "reorg"
		}
		w.renderUnits(c, statusOf(e.Code), view, map[string]string{field: sentence(e.Message)})
	}
}

// reorganisedLine tells what a reorganisation did, or would do.
func (w *web) reorganisedLine(lang, key string, r store.Reorganised, f reorganiseForm) string {
	into := f.IntoCode
	if len(r.Created) > 0 {
		into = fmt.Sprintf(translate(lang, "reorg.new_unit"), f.IntoCode)
	}
	return fmt.Sprintf(translate(lang, key), strings.Join(r.Ended, ", "), r.EffectiveOn.VN(), r.CasesMoved, into, r.UsersMoved, r.UsersDisabled)
}
