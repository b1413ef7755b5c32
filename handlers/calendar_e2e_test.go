package handlers_test

import (
	"encoding/json"
	"net/http"
	"testing"
)

// The calendar through the API: the days as decreed, provisional years marked,
// and an administrator's change that moves the running clocks crossing it,
// each case with its recount record (DOMAIN.md §3), on either backend.
func TestCalendarThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	type day struct {
		Day, Kind, Name, Source, Origin string
		Provisional                     bool
	}
	calendar := func(year string) map[string]day {
		status, body := app.Do(t, "admin", "GET", "/api/v1/calendar?year="+year, nil)
		if status != http.StatusOK {
			t.Fatalf("GET /calendar: %d %s", status, body)
		}
		out := decode[struct{ Items []day }](t, body)
		days := map[string]day{}
		for _, d := range out.Items {
			days[d.Day] = d
		}
		return days
	}

	t.Run("TheDaysAsDecreed", func(t *testing.T) {
		y2026 := calendar("2026")
		for d, kind := range map[string]string{"2026-01-02": "off", "2026-01-10": "work", "2026-08-22": "work",
			"2026-08-31": "off", "2026-09-01": "off"} {
			if got := y2026[d]; got.Kind != kind || got.Provisional || got.Source == "" || got.Origin != "shipped" {
				t.Errorf("%s is %+v, want %s as decreed, with its source", d, got, kind)
			}
		}
		y2027 := calendar("2027")
		if _, ok := y2027["2027-04-15"]; ok || y2027["2027-04-16"].Kind != "off" {
			t.Errorf("Hùng Kings' day 2027 is 16/04 (10/3 lunar), got %+v and %+v", y2027["2027-04-15"], y2027["2027-04-16"])
		}
		provisional := 0
		for _, d := range y2027 {
			if d.Provisional {
				provisional++
			}
		}
		if provisional == 0 || y2027["2027-01-01"].Provisional {
			t.Errorf("2027: %d provisional days, 01/01 provisional %v; want Tết provisional, New Year fixed by law",
				provisional, y2027["2027-01-01"].Provisional)
		}
	})

	t.Run("AChangedDayMovesTheClocksThatCrossIt", func(t *testing.T) {
		c := app.register(t, "reception", letterBody("complaint", "2026-11-24", "Khiếu nại về cấp giấy chứng nhận"))
		// Tue 24/11: acceptance 7 WD to Thu 03/12, processing 10 WD to Tue 08/12.
		wantCase(t, c, "received", 1, "on_track", "acceptance 2026-11-24+7wd=2026-12-03", "processing 2026-11-24+10wd=2026-12-08")
		if status, body := app.Do(t, "head", "PUT", "/api/v1/calendar/2026-11-27",
			map[string]any{"kind": "off", "name": "Nghỉ hoán đổi", "source": "Thông báo 99/TB-VPCP"}); status != http.StatusForbidden {
			t.Errorf("a head changed the calendar: %d %s", status, body)
		}
		status, body := app.Do(t, "admin", "PUT", "/api/v1/calendar/2026-11-27",
			map[string]any{"kind": "off", "name": "Nghỉ hoán đổi", "source": "Thông báo 99/TB-VPCP"})
		if status != http.StatusOK {
			t.Fatalf("PUT /calendar: %d %s", status, body)
		}
		if got := decode[struct{ Recounted struct{ Cases, Clocks int } }](t, body).Recounted; got.Cases != 1 || got.Clocks != 2 {
			t.Errorf("recounted %+v, want 1 case and 2 clocks", got)
		}
		c = app.get(t, "head", c.ID)
		wantCase(t, c, "received", 2, "on_track", "acceptance 2026-11-24+7wd=2026-12-04", "processing 2026-11-24+10wd=2026-12-09")
		hs := app.history(t, "head", c.ID)
		last := hs[len(hs)-1]
		var p struct {
			Clocks []struct{ Clock, OldDueOn, NewDueOn string } `json:"clocks"`
			By     string                                       `json:"by"`
		}
		if err := json.Unmarshal(last.Payload, &p); err != nil {
			t.Fatal(err)
		}
		if last.Event != "recount" || last.Actor != "system" || p.By != "admin" || len(p.Clocks) != 2 {
			t.Errorf("last record %+v %+v, want the system's recount of both clocks, changed by admin", last, p)
		}
	})
}
