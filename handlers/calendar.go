package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// calendarDays answers GET /api/v1/calendar?year= : the exceptions to the
// Monday–Friday week (holidays, compensatory days, swapped Saturdays).
func (a *api) calendarDays(c *gin.Context) {
	days, err := a.store.CalendarDays(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	year, _ := strconv.Atoi(c.Query("year"))
	out := []store.CalendarEntry{}
	for _, d := range days {
		if year == 0 || d.Day.Year() == year {
			out = append(out, d)
		}
	}
	c.JSON(http.StatusOK, gin.H{"items": out})
}

// setCalendarDay answers PUT /api/v1/calendar/{day} {"kind":"off"|"work","name","source","provisional"} (admin):
// the Prime Minister's yearly decisions on Tết, 2 September and day swaps are entered here. The answer
// is the day with "recounted": the cases and running clocks whose due date the change moved.
func (a *api) setCalendarDay(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được sửa lịch làm việc")
		return
	}
	day, err := workflow.ParseDate(c.Param("day"))
	if err != nil {
		failCode(c, http.StatusBadRequest, "invalid", "ngày phải có dạng YYYY-MM-DD", "day")
		return
	}
	var in workflow.CalendarDay
	if !decodeJSON(c, &in) {
		return
	}
	in.Day = day
	if err := texts(textField{"name", &in.Name, maxShort}, textField{"source", &in.Source, maxShort}); err != nil {
		fail(c, err)
		return
	}
	moved, err := a.store.SetCalendarDay(c.Request.Context(), userOf(c), in)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"day": in.Day, "kind": in.Kind, "name": in.Name, "source": in.Source,
		"provisional": in.Provisional, "recounted": moved})
}
