package workflow

// Viewer is a signed-in user as the access rules see them (DOMAIN.md §4).
type Viewer struct {
	UserID int64
	Login  string
	Role   Role
	UnitID int64
	Scope  []int64 // the viewer's unit and every unit below it
}

// CaseRef is what the access rules need to know about a case.
type CaseRef struct {
	Kind         Kind
	UnitID       int64
	AssigneeID   int64
	RegisteredBy int64
}

// InScope reports whether a unit lies in the viewer's unit or below it.
func (v Viewer) InScope(unitID int64) bool {
	for _, id := range v.Scope {
		if id == unitID {
			return true
		}
	}
	return false
}

// MayRead reports whether the viewer may see the case at all: reception its own
// unit's cases, handlers the cases assigned to them, heads, supervisors and
// administrators their unit and the units below it.
func (v Viewer) MayRead(c CaseRef) bool {
	switch v.Role {
	case RoleReception:
		return c.UnitID == v.UnitID
	case RoleHandler:
		return c.AssigneeID == v.UserID
	case RoleHead, RoleSupervisor, RoleAdmin:
		return v.InScope(c.UnitID)
	}
	return false
}

// MaySeePetitioner reports whether the viewer may see who sent the letter. A
// denouncer's identity is secret (LTC 2018 Art. 8(3), 47, 56): only the head of
// the resolving unit and the officer who registered it see it. Handlers work
// on denunciations with the identity removed (LTC 56); supervisors never see
// it. Administrators see counts and lists but no petitioner of any kind
// (data minimisation, ND 154/2026 Art. 12(2); DOMAIN.md §4).
func (v Viewer) MaySeePetitioner(c CaseRef) bool {
	if !v.MayRead(c) || v.Role == RoleAdmin {
		return false
	}
	if c.Kind.IdentitySecret() {
		return v.Role == RoleHead && v.UnitID == c.UnitID || v.UserID == c.RegisteredBy
	}
	return true
}

// MayReadBacklog reports whether the role may read oversight reports.
func (v Viewer) MayReadBacklog() bool {
	return v.Role == RoleHead || v.Role == RoleSupervisor || v.Role == RoleAdmin
}

// MayRegister reports whether the role may register new letters (API.md).
func (v Viewer) MayRegister() bool {
	return v.Role == RoleReception || v.Role == RoleHead
}

// MayAct reports whether the viewer may fire events on the case at all (the
// transition table then decides which): reception and heads act on their own
// unit's cases only — a superior reads a subordinate unit's cases but does not
// resolve them — and handlers on the cases assigned to them. Supervisors and
// administrators change nothing.
func (v Viewer) MayAct(c CaseRef) bool {
	switch v.Role {
	case RoleReception, RoleHead:
		return c.UnitID == v.UnitID
	case RoleHandler:
		return c.AssigneeID == v.UserID
	}
	return false
}

// MayReadSettings reports whether the viewer may read a unit's settings:
// administrators, heads and supervisors, for their unit and those below it.
func (v Viewer) MayReadSettings(unitID int64) bool {
	return (v.Role == RoleAdmin || v.Role == RoleHead || v.Role == RoleSupervisor) && v.InScope(unitID)
}

// MaySetSettings reports whether the viewer may change a unit's settings:
// administrators, for their unit and those below it (DOMAIN.md §4).
func (v Viewer) MaySetSettings(unitID int64) bool {
	return v.Role == RoleAdmin && v.InScope(unitID)
}

// MayRecordReception reports whether the viewer may record a unit's
// reception sessions and visits: its reception officers and its head
// (issue 16; a superior reads a lower unit's book but does not write it).
func (v Viewer) MayRecordReception(unitID int64) bool {
	return (v.Role == RoleReception || v.Role == RoleHead) && v.UnitID == unitID
}

// MayReadReception reports whether the viewer may read a unit's reception
// book: its reception officers, heads and supervisors of it or above it.
// Handlers work on cases, not on the book; administrators see no visitor.
func (v Viewer) MayReadReception(unitID int64) bool {
	switch v.Role {
	case RoleReception:
		return v.UnitID == unitID
	case RoleHead, RoleSupervisor:
		return v.InScope(unitID)
	}
	return false
}

// MaySeeVisitor reports whether the viewer may see who came: like a
// petitioner's, a denouncer's identity only for the unit's head and the
// officer who recorded the visit (LTC 2018 Art. 8(3); ND 154/2026 Art. 12(2)).
func (v Viewer) MaySeeVisitor(kind Kind, unitID, recordedBy int64) bool {
	return v.MaySeePetitioner(CaseRef{Kind: kind, UnitID: unitID, RegisteredBy: recordedBy}) && v.MayReadReception(unitID)
}

// MayIssuePaper reports whether the viewer may sign, number and issue the
// case's papers: the head of the unit that handles it (NĐ 30/2020/NĐ-CP
// Art. 13: the head signs what the body issues).
func (v Viewer) MayIssuePaper(c CaseRef) bool {
	return v.Role == RoleHead && v.UnitID == c.UnitID
}

// MayReadRegister reports whether the viewer may read a unit's register of
// issued papers (it names no denouncer): its own officers, and the heads,
// supervisors and administrators of it or above it.
func (v Viewer) MayReadRegister(unitID int64) bool {
	switch v.Role {
	case RoleReception, RoleHandler:
		return v.UnitID == unitID
	case RoleHead, RoleSupervisor, RoleAdmin:
		return v.InScope(unitID)
	}
	return false
}

// MayManageUsers reports whether the viewer may create, change and disable
// the users of a unit: administrators, for their unit and those below it
// (issue 19).
func (v Viewer) MayManageUsers(unitID int64) bool {
	return v.Role == RoleAdmin && v.InScope(unitID)
}

// MayReadUsers reports whether the viewer may list a unit's users: its
// administrators, and its head (read-only).
func (v Viewer) MayReadUsers(unitID int64) bool {
	return v.MayManageUsers(unitID) || v.Role == RoleHead && v.UnitID == unitID
}
