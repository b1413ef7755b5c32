package workflow

import (
	"slices"
	"strings"
	"testing"
)

// TestExtensionsLeftAndAvailable: `extend` is offered only while the
// complexity allows one more extension (LTC 24(1), 30(2)–(3)), and a refused
// one says why in the rule's words with a Vietnamese citation.
func TestExtensionsLeftAndAvailable(t *testing.T) {
	den := func(c Complexity) Intake {
		in := intake(Denunciation, 0, "2026-09-28")
		in.Complexity = c
		return in
	}
	received := intake(Denunciation, 0, "2026-04-24")
	for _, tc := range []struct {
		name    string
		intake  Intake
		history []Input
		clock   ClockName
		left    int
		max     int
		refusal string // part of the refusal when left is 0
	}{
		{name: "AcceptanceOnceBeforeAcceptance", intake: received, clock: ClockAcceptance, left: 1, max: 3},
		{name: "AcceptanceWhenAssigned", intake: received, history: []Input{assignOn("2026-04-27")},
			clock: ClockAcceptance, left: 1, max: 3},
		{name: "AcceptanceUsed", intake: received, history: []Input{extendOn("2026-04-28", 2)}, clock: ClockAcceptance,
			refusal: "thời hạn thụ lý tố cáo chỉ được kéo dài một lần, tổng cộng không quá 10 ngày làm việc, khi phải kiểm tra, " +
				"xác minh tại nhiều địa điểm (khoản 1 Điều 24 Luật Tố cáo 2018); thời hạn này đã được gia hạn"},
		{name: "ResolutionNormalNone", intake: den(Normal), history: accepted0110, clock: ClockResolution, max: 30,
			refusal: "vụ việc không phức tạp không được gia hạn thời hạn giải quyết tố cáo: chỉ vụ việc phức tạp được gia hạn " +
				"một lần, vụ việc đặc biệt phức tạp hai lần, mỗi lần không quá 30 ngày (khoản 2–3 Điều 30 Luật Tố cáo 2018)"},
		{name: "ResolutionComplexOne", intake: den(Complex), history: accepted0110, clock: ClockResolution, left: 1, max: 30},
		{name: "ResolutionComplexUsed", intake: den(Complex), history: steps(accepted0110, []Input{extendOn("2026-10-05", 30)}),
			clock: ClockResolution, max: 30,
			refusal: "vụ việc phức tạp chỉ được gia hạn giải quyết một lần, không quá 30 ngày (khoản 2 Điều 30 Luật Tố cáo 2018); " +
				"hồ sơ đã được gia hạn 1 lần"},
		{name: "ResolutionEspeciallyComplexTwo", intake: den(EspeciallyComplex), history: accepted0110,
			clock: ClockResolution, left: 2, max: 30},
		{name: "ResolutionEspeciallyComplexOneLeft", intake: den(EspeciallyComplex),
			history: steps(accepted0110, []Input{extendOn("2026-10-05", 10)}), clock: ClockResolution, left: 1, max: 30},
		{name: "ResolutionEspeciallyComplexUsed", intake: den(EspeciallyComplex),
			history: steps(accepted0110, []Input{extendOn("2026-10-05", 10), extendOn("2026-10-06", 30)}),
			clock:   ClockResolution, max: 30, refusal: "(khoản 3 Điều 30 Luật Tố cáo 2018); hồ sơ đã được gia hạn 2 lần"},
		{name: "ReclassifiedComplexGainsOne", intake: den(Normal),
			history: steps(accepted0110, []Input{classifyOn("2026-10-02", Complex, nil)}), clock: ClockResolution, left: 1, max: 30},
		{name: "DowngradedAfterTwoHasNone", intake: den(EspeciallyComplex),
			history: steps(accepted0110, []Input{extendOn("2026-10-05", 10), extendOn("2026-10-06", 10),
				classifyOn("2026-10-07", Complex, nil)}), clock: ClockResolution, max: 30,
			refusal: "hồ sơ đã được gia hạn 2 lần"},
		{name: "SuspendedStillCounts", intake: den(Complex),
			history: steps(accepted0110, []Input{eventOn(EvSuspend, "2026-10-12")}), clock: ClockResolution, left: 1, max: 30},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := testEnv()
			c := drive(t, env, tc.intake, tc.history...)
			x, ok := c.Extension()
			if !ok || x.Clock != tc.clock || x.Left != tc.left || c.ExtensionsLeft() != tc.left || tc.max != 0 && x.MaxDays != tc.max {
				t.Fatalf("Extension() = %+v, %v; want clock %s, %d left, %d days at most", x, ok, tc.clock, tc.left, tc.max)
			}
			if offered := slices.Contains(c.Available(RoleHead), EvExtend); offered != (tc.left > 0) {
				t.Errorf("Available(head) = %v: extend offered %v, want %v", c.Available(RoleHead), offered, tc.left > 0)
			}
			on := "2026-10-20"
			if tc.clock == ClockAcceptance {
				on = "2026-04-28"
			}
			_, _, err := Apply(c, extendOn(on, 1), head, env)
			if tc.left > 0 {
				if err != nil {
					t.Errorf("an extension is left but extend failed: %v", err)
				}
				return
			}
			wantErr(t, err, CodeExtensionLimit, "days")
			if e, _ := err.(*Error); e == nil || !strings.Contains(e.Message, tc.refusal) {
				t.Errorf("refusal %q\nwant it to contain %q", err, tc.refusal)
			}
		})
	}
}

func TestExtensionDaysBeyondTheRuleCiteIt(t *testing.T) {
	env := testEnv()
	c := drive(t, env, intake(Denunciation, 0, "2026-04-24"))
	_, _, err := Apply(c, extendOn("2026-04-28", 4), head, env)
	wantErr(t, err, CodeInvalid, "days")
	want := "thời hạn thụ lý tố cáo chỉ được kéo dài thêm không quá 3 ngày làm việc (khoản 1 Điều 24 Luật Tố cáo 2018); " +
		"số ngày gia hạn phải từ 1 đến 3"
	if e, _ := err.(*Error); e == nil || e.Message != want {
		t.Errorf("refusal %v\nwant %q", err, want)
	}
}

func TestNoExtensionWhereThereIsNothingToExtend(t *testing.T) {
	env := testEnv()
	for _, in := range []Intake{intake(Complaint, 1, "2026-09-28"), intake(Petition, 0, "2026-09-28")} {
		c := drive(t, env, in, accepted0110...)
		if n := c.ExtensionsLeft(); n != 0 {
			t.Errorf("%s: %d extensions left, want 0", in.Kind, n)
		}
	}
	c := drive(t, env, intake(Denunciation, 0, "2026-09-28"), steps(accepted0110,
		[]Input{resolveOn("2026-10-05", Correct)})...)
	if n := c.ExtensionsLeft(); n != 0 || slices.Contains(c.Available(RoleHead), EvExtend) {
		t.Errorf("a resolved denunciation: %d extensions left, available %v", n, c.Available(RoleHead))
	}
}

// TestEngineMessagesCiteTheVietnameseWay: the engine's refusals name the
// article before the law ("Điều 25 Luật Tố cáo 2018"), never the English way.
func TestEngineMessagesCiteTheVietnameseWay(t *testing.T) {
	env := testEnv()
	anon := intake(Denunciation, 0, "2026-09-28")
	anon.Anonymous = true
	c := drive(t, env, anon, assignOn("2026-09-29"))
	_, _, err := Apply(c, acceptOn("2026-10-01"), head, env)
	if e, _ := err.(*Error); e == nil || !strings.Contains(e.Message, "(Điều 25 Luật Tố cáo 2018)") {
		t.Errorf("anonymous accept: %v", err)
	}
	k := drive(t, env, intake(Complaint, 2, "2026-09-28"), accepted0110...)
	_, _, err = Apply(k, resolveOn("2026-10-20", Correct), head, env)
	if e, _ := err.(*Error); e == nil || !strings.Contains(e.Message, "(Điều 30, 39 Luật Khiếu nại 2011)") {
		t.Errorf("resolve without dialogue: %v", err)
	}
}
