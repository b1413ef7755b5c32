package workflow

import "testing"

// TestMaySeePetitioner: who sees who sent the letter (DOMAIN.md §4).
func TestMaySeePetitioner(t *testing.T) {
	const unit, below, registrar, assignee = 1, 2, 10, 11
	viewer := func(id int64, r Role) Viewer {
		return Viewer{UserID: id, Role: r, UnitID: unit, Scope: []int64{unit, below}}
	}
	rows := []struct {
		name string
		v    Viewer
		kind Kind
		want bool
	}{
		{"HeadComplaint", viewer(1, RoleHead), Complaint, true},
		{"HeadDenunciation", viewer(1, RoleHead), Denunciation, true},
		{"RegistrarDenunciation", viewer(registrar, RoleReception), Denunciation, true},
		{"OtherReceptionDenunciation", viewer(3, RoleReception), Denunciation, false},
		{"OtherReceptionComplaint", viewer(3, RoleReception), Complaint, true},
		{"HandlerComplaint", viewer(assignee, RoleHandler), Complaint, true},
		{"HandlerDenunciation", viewer(assignee, RoleHandler), Denunciation, false}, // LTC 56
		{"SupervisorComplaint", viewer(4, RoleSupervisor), Complaint, true},
		{"SupervisorDenunciation", viewer(4, RoleSupervisor), Denunciation, false},
		// Administrators: counts and lists, never a petitioner (ND 154/2026 Art. 12(2)).
		{"AdminComplaint", viewer(5, RoleAdmin), Complaint, false},
		{"AdminPetition", viewer(5, RoleAdmin), Petition, false},
		{"AdminDialogue", viewer(5, RoleAdmin), Dialogue, false},
		{"AdminDenunciation", viewer(5, RoleAdmin), Denunciation, false},
	}
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			c := CaseRef{Kind: tc.kind, UnitID: unit, AssigneeID: assignee, RegisteredBy: registrar}
			if got := tc.v.MaySeePetitioner(c); got != tc.want {
				t.Errorf("MaySeePetitioner = %v, want %v", got, tc.want)
			}
		})
	}
	// The administrator still reads the case itself (lists and counts).
	if !viewer(5, RoleAdmin).MayRead(CaseRef{Kind: Complaint, UnitID: below}) {
		t.Error("admin may not read a case of a unit below")
	}
}
