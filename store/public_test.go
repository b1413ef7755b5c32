package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// disclosed registers a denunciation to unit (by its reception), resolves it
// and discloses it on the Monday of the week after the fourth: received on
// year-11-0d, disclosed year-11-(d+21).
func (w *world) disclosed(recept, head, handler string, year, d int, text string) store.Case {
	w.tb.Helper()
	day := func(n int) string { return fmt.Sprintf("%04d-11-%02d", year, n) }
	c := w.register(recept, letter(workflow.Denunciation, 0, day(d)))
	c = w.act(head, c, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate(day(d + 1)), Assignee: handler})
	c = w.act(head, c, ev(workflow.EvAccept, day(d+2)))
	c = w.act(handler, c, ev(workflow.EvNotify, day(d+3)))
	c = w.act(head, c, workflow.Input{Event: workflow.EvResolve, On: workflow.MustDate(day(d + 18)),
		Outcome: workflow.PartlyCorrect, Summary: "Tố cáo đúng một phần."})
	return w.act(head, c, workflow.Input{Event: workflow.EvDisclose, On: workflow.MustDate(day(d + 21)), Channel: "website", Text: text})
}

func disclosureCodes(ds []store.Disclosure) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.TrackingCode)
	}
	return out
}

func TestDisclosuresPageAndFilter(t *testing.T) {
	w := mustWorld(t)
	// Newest first: disclosed 2026-11-23 (three, the last registered first),
	// 2026-11-23 in the commune (two), then 2025-11-24 (two).
	var want []string // the register's order
	add := func(c store.Case) { want = append([]string{c.TrackingCode}, want...) }
	add(w.disclosed("reception", "head", "handler", 2025, 3, "Kết luận năm 2025 số 1"))
	add(w.disclosed("reception", "head", "handler", 2025, 3, "Kết luận năm 2025 số 2"))
	ubnd := []store.Case{}
	for i := 1; i <= 3; i++ {
		c := w.disclosed("reception", "head", "handler", 2026, 2, fmt.Sprintf("Kết luận UBND số %d", i))
		ubnd = append(ubnd, c)
		add(c)
	}
	nt := []store.Case{}
	for i := 1; i <= 2; i++ {
		c := w.disclosed("reception.nt", "head.nt", "handler.nt", 2026, 2, fmt.Sprintf("Kết luận phường số %d", i))
		nt = append(nt, c)
		add(c)
	}
	w.register("reception", letter(workflow.Denunciation, 0, "2026-11-20")) // not disclosed: never listed

	all, err := w.s.Disclosures(w.ctx, store.DisclosureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := disclosureCodes(all.Items); !slices.Equal(got, want) || all.Next != "" || all.Prev != "" {
		t.Fatalf("the register %v (next %q, prev %q), want %v and no other page", got, all.Next, all.Prev, want)
	}

	t.Run("PagesForwardAndBackCoverEveryDisclosureOnce", func(t *testing.T) {
		var pages [][]string
		f := store.DisclosureFilter{Limit: 2}
		var cursors []string // each page's Prev
		for {
			p, err := w.s.Disclosures(w.ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, disclosureCodes(p.Items))
			cursors = append(cursors, p.Prev)
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
		if got := slices.Concat(pages...); !slices.Equal(got, want) || len(pages) != 4 {
			t.Fatalf("pages %v, want %v in 4 pages", pages, want)
		}
		if cursors[0] != "" {
			t.Errorf("the first page has a previous page")
		}
		// Back from the last page: each Prev gives the page before, the first has none.
		prev := cursors[len(cursors)-1]
		for i := len(pages) - 2; i >= 0; i-- {
			p, err := w.s.Disclosures(w.ctx, store.DisclosureFilter{Limit: 2, Cursor: prev})
			if err != nil {
				t.Fatal(err)
			}
			if got := disclosureCodes(p.Items); !slices.Equal(got, pages[i]) {
				t.Errorf("back to page %d: %v, want %v", i, got, pages[i])
			}
			if p.Next == "" {
				t.Errorf("back to page %d: no next page", i)
			}
			if (p.Prev == "") != (i == 0) {
				t.Errorf("back to page %d: prev %q", i, p.Prev)
			}
			prev = p.Prev
		}
	})

	t.Run("FiltersByKindUnitAndYear", func(t *testing.T) {
		for _, x := range []struct {
			name string
			f    store.DisclosureFilter
			want []string
		}{
			{"denunciations", store.DisclosureFilter{Kind: workflow.Denunciation}, want},
			{"complaints", store.DisclosureFilter{Kind: workflow.Complaint}, []string{}},
			{"the commune", store.DisclosureFilter{Unit: "KH-NT"}, want[:2]},
			{"the agency and the commune below it", store.DisclosureFilter{Unit: "KH-UBND"}, want},
			{"2025", store.DisclosureFilter{Year: 2025}, want[5:]},
			{"2026 in the agency, by text", store.DisclosureFilter{Year: 2026, Unit: "KH-UBND", Query: "Kết luận UBND"}, want[2:5]},
			{"2024", store.DisclosureFilter{Year: 2024}, []string{}},
		} {
			p, err := w.s.Disclosures(w.ctx, x.f)
			if err != nil {
				t.Fatalf("%s: %v", x.name, err)
			}
			if got := disclosureCodes(p.Items); !slices.Equal(got, x.want) {
				t.Errorf("%s: %v, want %v", x.name, got, x.want)
			}
		}
		if got := []string{nt[1].TrackingCode, nt[0].TrackingCode, ubnd[2].TrackingCode}; !slices.Equal(got, want[:3]) {
			t.Errorf("the fixture's order %v, want %v", want[:3], got)
		}
	})

	t.Run("RefusesABadFilter", func(t *testing.T) {
		for field, f := range map[string]store.DisclosureFilter{
			"kind": {Kind: "gossip"}, "unit": {Unit: "KH-KHONG"}, "year": {Year: 10000}, "cursor": {Cursor: "rac"},
		} {
			_, err := w.s.Disclosures(w.ctx, f)
			var e *workflow.Error
			if workflow.ErrorCode(err) != workflow.CodeInvalid || !errors.As(err, &e) || e.Field != field {
				t.Errorf("%s: %v, want invalid %s", field, err, field)
			}
		}
	})
}
