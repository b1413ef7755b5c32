package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"

	"petitions/demo"
	"petitions/store"
	"petitions/workflow"
)

// The reports group (issue 17): every official form for the whole province
// and the last report year that has ended, one client, the first time on a
// server just started and then again; the forms one after another for a
// commune and the last quarter that has ended, commune after commune; the
// xlsx of the province's year; and whether every form's cross-checks hold on
// the province's year.

// reportCommunes is how many communes' quarters are read, each all the forms in turn.
const reportCommunes = 20

// reportFiles are the forms whose xlsx of the province's year is measured, and how often.
var reportFiles, reportFileRuns = []string{"01-XLD", "01-KQGQ"}, 3

// reportWork is what the reports group asks for.
type reportWork struct {
	province string   // the supervisor's unit, the whole province below it, by code
	communes []string // by code
	year     workflow.ReportPeriod
	quarter  workflow.ReportPeriod
}

func prepareReports(ctx context.Context, s *store.Store, w *benchWork) (*reportWork, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	rw := &reportWork{year: lastEnded(w.today, "Y"), quarter: lastEnded(w.today, "Q4", "Q3", "Q2", "Q1")}
	for _, u := range units {
		if u.Level == "commune" && w.province[u.ID] {
			rw.communes = append(rw.communes, u.Code)
		}
		if u.ID == w.supervisor.UnitID {
			rw.province = u.Code
		}
	}
	if rw.province == "" || len(rw.communes) == 0 {
		return nil, fmt.Errorf("bench: no unit of the supervisor, or no commune, to report on")
	}
	return rw, nil
}

// lastEnded is the latest official period of one of the kinds (Y, Q1…Q4)
// whose last day is before today.
func lastEnded(today workflow.Date, kinds ...string) workflow.ReportPeriod {
	for y := today.Year() + 1; ; y-- {
		for _, k := range kinds {
			p, err := workflow.OfficialPeriod(k + "-" + strconv.Itoa(y))
			if err == nil && p.To.Before(today) {
				return p
			}
		}
	}
}

// reportAnswer is what the bench reads of a report: its total and its checks.
type reportAnswer struct {
	Total  map[string]float64 `json:"total"`
	Checks []struct {
		Name  string  `json:"name"`
		OK    bool    `json:"ok"`
		Cases []int64 `json:"cases"`
	} `json:"checks"`
}

// measureReports serves the database from a server of its own, started for
// the group, so that each form's first report is its first on that server.
func (rep *benchReport) measureReports(ctx context.Context, s *store.Store, w *benchWork) error {
	if !rep.cfg.wants("reports") {
		return nil
	}
	rw, err := prepareReports(ctx, s, w)
	if err != nil {
		return err
	}
	srv, err := startChild(ctx, rep.cfg.exe, rep.cfg.db, rep.cfg.keyFile)
	if err != nil {
		return err
	}
	defer srv.stop()
	one := newBenchConn(srv.base)
	defer one.close()
	fmt.Fprintf(rep.cfg.out, "reports: the province %s over %s (%s–%s), communes over %s (%s–%s)\n", rw.province,
		rw.year.Name, rw.year.From, rw.year.To, rw.quarter.Name, rw.quarter.From, rw.quarter.To)
	answers := map[string]*reportAnswer{}
	for _, when := range []string{"first time", "again"} {
		for _, f := range workflow.Forms {
			u := reportPath(f.Code, rw.year, rw.province, "")
			var got reportAnswer
			fig, err := hammer(ctx, "report "+f.Code+", province's year, "+when, 1, 0, 1, 0, func(ctx context.Context, _, _ int) error {
				return call(ctx, one, "GET", u, w.supTok, "", nil, 200, &got)
			})
			if err := rep.add(fig, err); err != nil {
				return err
			}
			answers[f.Code] = &got
		}
	}
	rep.reportChecks(answers)
	if w.countryTok != "" { // a country of provinces: its supervisor's year, every form once
		if err := rep.everyForm(ctx, one, "the country's year", rw.year, demo.CountryCode, w.countryTok); err != nil {
			return err
		}
	}
	for _, code := range reportFiles {
		u := reportPath(code, rw.year, rw.province, "xlsx")
		fig, err := hammer(ctx, "report "+code+" xlsx, province's year", 1, 0, reportFileRuns, 0, func(ctx context.Context, _, _ int) error {
			status, body, err := one.do(ctx, "GET", u, w.supTok, "", nil)
			if err == nil && (status != 200 || !bytes.HasPrefix(body, []byte("PK"))) {
				err = fmt.Errorf("GET %s: %d, %d bytes and no xlsx", u, status, len(body))
			}
			return err
		})
		if err := rep.add(fig, err); err != nil {
			return err
		}
	}
	name := fmt.Sprintf("reports, all %d forms, a commune's quarter", len(workflow.Forms))
	fig, err := hammer(ctx, name, 1, 0, reportCommunes, 0, func(ctx context.Context, _, i int) error {
		commune := rw.communes[i%len(rw.communes)]
		for _, f := range workflow.Forms {
			if err := call(ctx, one, "GET", reportPath(f.Code, rw.quarter, commune, ""), w.supTok, "", nil, 200, nil); err != nil {
				return err
			}
		}
		return nil
	})
	rep.reportRSS = srv.peakRSS()
	return rep.add(fig, err)
}

// everyForm reads each form once for the period and the unit, as the
// token's holder, a figure each named "report FORM, what".
func (rep *benchReport) everyForm(ctx context.Context, one *benchConn, what string, p workflow.ReportPeriod, unit, token string) error {
	for _, f := range workflow.Forms {
		u := reportPath(f.Code, p, unit, "")
		fig, err := hammer(ctx, "report "+f.Code+", "+what, 1, 0, 1, 0, func(ctx context.Context, _, _ int) error {
			return call(ctx, one, "GET", u, token, "", nil, 200, nil)
		})
		if err := rep.add(fig, err); err != nil {
			return err
		}
	}
	return nil
}

// reportPath is the API's path of a form for a period and a unit, as JSON or a file.
func reportPath(form string, p workflow.ReportPeriod, unit, format string) string {
	u := "/api/v1/reports/" + form + "?period=" + p.Name + "&unit=" + url.QueryEscape(unit)
	if format != "" {
		u += "&format=" + format
	}
	return u
}

// reportChecks notes, form by form, whether every check held on the
// province's year (and on how many cases each failed), and how many of the
// form's columns the year left at zero.
func (rep *benchReport) reportChecks(answers map[string]*reportAnswer) {
	for _, f := range workflow.Forms {
		a := answers[f.Code]
		zero := 0
		for _, v := range a.Total {
			if v == 0 {
				zero++
			}
		}
		line := fmt.Sprintf("%s: %d checks", f.Code, len(a.Checks))
		failed := 0
		for _, ch := range a.Checks {
			if !ch.OK {
				failed++
				line += fmt.Sprintf("; %s FAILS on %d cases (first %v)", ch.Name, len(ch.Cases), ch.Cases[:min(len(ch.Cases), 5)])
			}
		}
		if failed == 0 {
			line += ", all ok"
		}
		line += fmt.Sprintf("; %d of %d columns zero", zero, len(a.Total))
		rep.checks = append(rep.checks, line)
		rep.checksFailed += failed
		fmt.Fprintln(rep.cfg.out, "  "+line)
	}
}
