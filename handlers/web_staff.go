package handlers

import "github.com/gin-gonic/gin"

// mountStaffPages adds the pages of signed-in officials. Each page lives in its
// own file: web_desk.go (reception desk and receipt), web_queue.go (queue and
// bulk assignment), web_export.go (the queue as xlsx or csv), web_case.go
// (case page and its action forms), web_audit.go (the supervisor's backlog
// audit), web_settings.go (the unit settings).
func (w *web) mountStaffPages(g *gin.RouterGroup) {
	g.GET("/tiep-nhan", w.deskForm)
	g.POST("/tiep-nhan", w.deskSubmit)
	g.GET("/bien-nhan/:id", w.receipt)
	g.GET("/ho-so", w.queue)
	g.GET("/ho-so/xuat", w.exportQueue)
	g.POST("/ho-so/giao", w.bulkAssign)
	g.GET("/ho-so/:id", w.casePage)
	g.POST("/ho-so/:id/su-kien", w.caseEvent)
	g.GET("/ho-so/:id/van-ban/:doc", w.documentPage)
	g.GET("/ho-so/:id/van-ban/:doc/pdf", w.documentPDF)
	g.POST("/ho-so/:id/van-ban/:doc/:act", w.documentAct)
	g.GET("/so-van-ban", w.registerPage)
	g.GET(passwordPage, w.passwordForm)
	g.GET("/quan-tri/nguoi-dung", w.usersPage)
	g.POST("/quan-tri/nguoi-dung", w.usersCreate)
	g.POST("/quan-tri/nguoi-dung/:login", w.usersChange)
	g.GET(importPath, w.importPage)
	g.POST(importPath, w.importPost)
	g.GET(unitsPath, w.unitsPage)
	g.POST("/doi-don-vi", w.switchPost)
	g.POST(unitsPath, w.unitsCreate)
	g.POST(unitsPath+"/:code", w.unitsChange)
	g.POST(reorganisePath, w.unitsReorganise)
	g.POST(passwordPage, w.passwordPost)
	g.POST("/ho-so/:id/tep", w.attachmentPost)
	g.GET("/ho-so/:id/tep/:att", w.attachmentGet)
	g.POST("/ho-so/:id/tep/:att/rut", w.attachmentWithdraw)
	g.GET("/giam-sat", w.audit)
	g.GET("/giam-sat/ho-so", w.auditList)
	g.GET("/tiep-cong-dan", w.receptionBook)
	g.POST("/tiep-cong-dan/buoi", w.receptionSessionPost)
	g.POST("/tiep-cong-dan/luot", w.receptionVisitPost)
	g.GET("/tiep-cong-dan/luot/:id", w.receptionVisitPage)
	g.GET("/tiep-cong-dan/luot/:id/in", w.visitPaper)
	g.POST("/tiep-cong-dan/luot/:id/in/:form", w.visitPaperNumber)
	g.GET("/tiep-cong-dan/buoi/:id", w.receptionSessionPage)
	g.POST("/tiep-cong-dan/buoi/:id/:act", w.receptionSessionAct)
	g.POST("/tiep-cong-dan/viec/:id/xong", w.receptionTaskDone)
	g.GET("/giam-sat/tiep-cong-dan", w.compliancePage)
	g.GET("/bao-cao", w.reportsPage)
	g.GET("/bao-cao/dung-han", w.onTimePage)
	g.GET("/bao-cao/nam", w.yearReportPage)
	g.GET("/bao-cao/:form", w.reportPage)
	g.GET("/bao-cao/:form/ho-so", w.reportCasesPage)
	g.GET("/bao-cao/:form/tai-ve", w.reportDownload)
	g.POST("/lich-lam-viec", w.calendarSet)
	g.GET("/cai-dat", w.settingsPageGet)
	g.POST("/cai-dat", w.settingsPagePost)
}
