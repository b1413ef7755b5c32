package handlers

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// A case's attachments (issue 18; README "Attachments"): POST
// /cases/{id}/attachments (multipart: `title`, then `file`), GET
// /cases/{id}/attachments, GET /attachments/{id} (the bytes), POST
// /attachments/{id}/withdraw; and on the case page, POST /ho-so/{id}/tep and
// GET /ho-so/{id}/tep/{att}. The upload is streamed to disk as it comes.

// uploadOverhead is what a multipart body carries beyond its file.
const uploadOverhead = 64 << 10

// isUpload reports whether the request sends a file, whose body may be as
// large as a file is (limitBody).
func isUpload(c *gin.Context) bool {
	p := c.Request.URL.Path
	return c.Request.Method == http.MethodPost && (strings.HasPrefix(p, "/api/v1/cases/") && strings.HasSuffix(p, "/attachments") ||
		strings.HasPrefix(p, "/ho-so/") && strings.HasSuffix(p, "/tep") || p == "/api/v1/import" || p == importPath)
}

// readUpload streams a multipart upload's file to the store: the title part,
// if it comes first, names it; the file part is kept as it arrives.
func readUpload(c *gin.Context, s *store.Store, actor store.User, cs store.Case) (store.Attachment, error) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return store.Attachment{}, workflow.Invalid("file", "cần gửi tệp dạng multipart/form-data (trường file)")
	}
	title := ""
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return store.Attachment{}, workflow.Invalid("file", "chưa chọn tệp")
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return store.Attachment{}, workflow.Errorf(workflow.CodeTooLarge, "tệp lớn quá %d MB", workflow.MaxAttachmentBytes>>20)
		}
		if err != nil {
			return store.Attachment{}, workflow.Invalid("file", "tệp gửi lên không đọc được")
		}
		switch part.FormName() {
		case "title":
			b, _ := io.ReadAll(io.LimitReader(part, 4*workflow.MaxShort))
			if title, err = text("title", string(b), workflow.MaxShort); err != nil {
				return store.Attachment{}, err
			}
		case "file":
			return keepPart(c, s, actor, cs, part, title)
		}
	}
}

func keepPart(c *gin.Context, s *store.Store, actor store.User, cs store.Case, part *multipart.Part, title string) (store.Attachment, error) {
	name, err := text("file", filepath.Base(strings.ReplaceAll(part.FileName(), `\`, "/")), workflow.MaxShort)
	if err != nil {
		return store.Attachment{}, err
	}
	if name == "" || name == "." || name == "/" {
		return store.Attachment{}, workflow.Invalid("file", "tệp cần có tên")
	}
	if strings.TrimSpace(title) == "" {
		title = name
	}
	a, err := s.AddAttachment(c.Request.Context(), actor, cs, store.NewAttachment{Title: title, FileName: name, Body: part})
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		err = workflow.Errorf(workflow.CodeTooLarge, "tệp lớn quá %d MB", workflow.MaxAttachmentBytes>>20)
	}
	return a, err
}

func (a *api) addAttachment(c *gin.Context) {
	cs, ok := a.readableCase(c)
	if !ok {
		return
	}
	if !viewerOf(c).MayAct(cs.Ref()) {
		forbidden(c, "bạn không được thêm tệp vào hồ sơ này")
		return
	}
	att, err := readUpload(c, a.store, userOf(c), cs)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, att)
}

func (a *api) caseAttachments(c *gin.Context) {
	cs, ok := a.readableCase(c)
	if !ok {
		return
	}
	list, err := a.store.CaseAttachments(c.Request.Context(), cs)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(list)})
}

// attachmentCase is the attachment the path names and its case, if the
// viewer may read the case; otherwise it has answered.
func (a *api) attachmentCase(c *gin.Context) (store.Case, store.Attachment, bool) {
	ctx := c.Request.Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy tệp đính kèm", "")
		return store.Case{}, store.Attachment{}, false
	}
	att, err := a.store.AttachmentByID(ctx, id)
	var cs store.Case
	if err == nil {
		cs, err = a.store.Case(ctx, att.CaseID)
	}
	if err != nil {
		fail(c, err)
		return cs, att, false
	}
	if !viewerOf(c).MayRead(cs.Ref()) {
		forbidden(c, "hồ sơ không thuộc phạm vi của bạn")
		return cs, att, false
	}
	return cs, att, true
}

func (a *api) getAttachment(c *gin.Context) {
	if cs, att, ok := a.attachmentCase(c); ok {
		sendAttachment(c, a.store, cs, att, "api:"+c.FullPath(), fail)
	}
}

// sendAttachment answers the file's bytes, to be saved, never shown inline.
func sendAttachment(c *gin.Context, s *store.Store, cs store.Case, att store.Attachment, purpose string, refuse func(*gin.Context, error)) {
	r, err := s.OpenAttachment(c.Request.Context(), viewerOf(c), cs, att, purpose)
	if err != nil {
		refuse(c, err)
		return
	}
	defer r.Close()
	c.Header("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(att.FileName))
	c.DataFromReader(http.StatusOK, att.Size, att.ContentType, r, nil)
}

// withdrawBody is POST /attachments/{id}/withdraw.
type withdrawBody struct {
	Reason string `json:"reason"`
}

func (a *api) withdrawAttachment(c *gin.Context) {
	cs, att, ok := a.attachmentCase(c)
	if !ok {
		return
	}
	if !viewerOf(c).MayAct(cs.Ref()) {
		forbidden(c, "bạn không được rút tệp của hồ sơ này")
		return
	}
	var b withdrawBody
	if !decodeJSON(c, &b) {
		return
	}
	reason, err := text("reason", b.Reason, workflow.MaxShort)
	if err == nil {
		att, err = a.store.WithdrawAttachment(c.Request.Context(), userOf(c), att, reason)
	}
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, att)
}
