package workflow

import "fmt"

// CodeDialogueNotWorkingDay refuses a dialogue date on which agencies do not
// work, unless the officer confirms it (Input.ConfirmDayOff).
const CodeDialogueNotWorkingDay Code = "dialogue_not_working_day"

// NonWorkingReason says, in Vietnamese, why agencies do not work on d: the
// name of the holiday or swapped day, else the weekday ("thứ Bảy", "Chủ
// nhật"); "" on a working day.
func (c *Calendar) NonWorkingReason(d Date) string {
	if c.IsWorkingDay(d) {
		return ""
	}
	if e, ok := c.Exception(d); ok && e.Kind == DayOff && e.Name != "" {
		return e.Name
	}
	return weekdayVI(d)
}

// dialogueOnWorkingDay refuses a dialogue set on a day off unless it was
// confirmed; a confirmed one records why the day is off.
func dialogueOnWorkingDay(in Input, env Env, p map[string]any) error {
	if env.Calendar == nil || in.DialogueOn.IsZero() {
		return nil
	}
	why := env.Calendar.NonWorkingReason(in.DialogueOn)
	if why == "" {
		return nil
	}
	if !in.ConfirmDayOff {
		return &Error{Code: CodeDialogueNotWorkingDay, Field: "dialogue_on",
			Message: fmt.Sprintf("ngày đối thoại %s không phải ngày làm việc (%s); nếu vẫn giữ ngày này, cần xác nhận",
				in.DialogueOn.VN(), why)}
	}
	p["non_working_day"] = why
	return nil
}
