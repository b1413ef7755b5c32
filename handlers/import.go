package handlers

// POST /api/v1/import (issue 19; README "Import"): an administrator sends a
// csv or xlsx file of units and users as the multipart part "file";
// dry_run=true checks every row and writes nothing. A sheet may be as large
// as an attachment (isUpload), far above the other requests' cap.

import (
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// runImport reads the uploaded sheet and checks or writes it.
func runImport(c *gin.Context, st *store.Store, dryRun bool) (store.ImportResult, error) {
	fh, err := c.FormFile("file")
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return store.ImportResult{}, workflow.Errorf(workflow.CodeTooLarge, "tệp lớn quá %d MB", workflow.MaxAttachmentBytes>>20)
	}
	if err != nil {
		return store.ImportResult{}, workflow.Invalid("file", "cần chọn tệp CSV hoặc Excel (.xlsx)")
	}
	f, err := fh.Open()
	if err != nil {
		return store.ImportResult{}, workflow.Invalid("file", "không đọc được tệp")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return store.ImportResult{}, workflow.Invalid("file", "không đọc được tệp")
	}
	units, users, err := staffSheets(fh.Filename, data)
	if err != nil {
		return store.ImportResult{}, err
	}
	if len(units)+len(users) == 0 {
		return store.ImportResult{}, workflow.Invalid("file", "tệp không có dòng nào để nhập")
	}
	return st.ImportStaff(c.Request.Context(), userOf(c), viewerOf(c), units, users, dryRun)
}

func (a *api) importStaff(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được nhập người dùng và đơn vị")
		return
	}
	dryRun := c.PostForm("dry_run") == "true" || c.Query("dry_run") == "true"
	res, err := runImport(c, a.store, dryRun)
	switch {
	case err != nil:
		fail(c, err)
	case dryRun:
		c.JSON(http.StatusOK, res)
	case len(res.Problems) > 0:
		c.AbortWithStatusJSON(http.StatusUnprocessableEntity, gin.H{"error": errorBody{Code: "import_refused",
			Message: importSummary(len(res.Problems))}, "problems": res.Problems})
	default:
		c.JSON(http.StatusCreated, res)
	}
}
