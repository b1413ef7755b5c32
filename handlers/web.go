package handlers

import (
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/templates"
	"petitions/workflow"
)

const (
	sessionCookie = "petitions_session"
	langCookie    = "petitions_lang"
	flashCookie   = "petitions_flash"
	sessionKey    = "session"
)

// web serves the pages. Pages use the same store calls as the API.
type web struct {
	store   *store.Store
	pages   pageSet
	limiter *signInLimiter
	lookups *lookupLimiter
	public  *url.URL // nil: take the origin from the request
}

// mountPages adds the pages and static assets to the router.
func mountPages(r *gin.Engine, s *store.Store, limiter *signInLimiter, lookups *lookupLimiter, public *url.URL) (*web, error) {
	ps, err := loadPages()
	if err != nil {
		return nil, err
	}
	w := &web{store: s, pages: ps, limiter: limiter, lookups: lookups, public: public}
	static, err := fs.Sub(templates.FS, "static")
	if err != nil {
		return nil, err
	}
	r.StaticFS("/static", http.FS(filesOnly{static}))

	pub := r.Group("", w.optionalSession, w.checkCSRF)
	pub.GET("/", func(c *gin.Context) { c.Redirect(http.StatusSeeOther, "/tra-cuu") })
	pub.GET("/ngon-ngu", w.setLang)
	pub.GET("/dang-nhap", w.signInForm)
	pub.POST("/dang-nhap", w.signIn)
	pub.POST("/dang-xuat", w.signOut)
	pub.GET("/tra-cuu", w.trackPage)
	pub.GET("/cong-khai", w.disclosuresPage)
	pub.GET("/lich-lam-viec", w.calendarPage)
	pub.GET("/lich-tiep-cong-dan", w.schedulePage)

	staff := r.Group("", w.optionalSession, w.requireSession, w.checkCSRF)
	w.mountStaffPages(staff)
	return w, nil
}

// notFoundView is the page of a URL no route takes (404) or a method a page
// does not take (405).
type notFoundView struct{ MethodNotAllowed bool }

// notFound answers a page URL that no route takes, in the user's language,
// with the layout (and the user's name, when signed in) and a link home.
func (w *web) notFound(c *gin.Context, status int) {
	w.loadSession(c)
	w.render(c, status, "notfound", notFoundView{MethodNotAllowed: status == http.StatusMethodNotAllowed}, nil)
	c.Abort()
}

// origin is the site's scheme and host as browsers see it: the public URL
// when one was given, else what the request says.
func (w *web) origin(c *gin.Context) string { return originOf(w.public, c) }

func (a *api) origin(c *gin.Context) string { return originOf(a.public, c) }

// originOf is the address browsers reach the site at: the configured public
// URL, or the request's own.
func originOf(public *url.URL, c *gin.Context) string {
	if public != nil {
		return public.String()
	}
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}

// filesOnly serves files and nothing else: a directory is "not found", so
// /static/ lists nothing.
type filesOnly struct{ fs.FS }

func (f filesOnly) Open(name string) (fs.File, error) {
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := file.Stat(); err != nil || st.IsDir() {
		file.Close()
		return nil, fs.ErrNotExist
	}
	return file, nil
}

// optionalSession loads the browser's session, if any.
func (w *web) optionalSession(c *gin.Context) {
	w.loadSession(c)
	c.Next()
}

// loadSession puts the browser's session, user and viewer in c, if it has one.
func (w *web) loadSession(c *gin.Context) {
	if id, err := c.Cookie(sessionCookie); err == nil && id != "" {
		if sess, err := w.store.SessionByID(c.Request.Context(), id); err == nil {
			c.Set(sessionKey, sess)
			if v, err := w.store.Viewer(c.Request.Context(), sess.User); err == nil {
				c.Set(userKey, sess.User)
				c.Set(viewerKey, v)
			}
		}
	}
}

// requireSession sends a browser without a session to the sign-in page.
func (w *web) requireSession(c *gin.Context) {
	if _, ok := c.Get(viewerKey); !ok {
		c.Redirect(http.StatusSeeOther, "/dang-nhap?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
		return
	}
	// A password an administrator gave is changed before anything else (issue 19).
	if userOf(c).MustChangePassword && c.Request.URL.Path != passwordPage {
		c.Redirect(http.StatusSeeOther, passwordPage)
		c.Abort()
		return
	}
	c.Next()
}

// checkCSRF requires, on every form post of a signed-in browser, the session's
// token (cross-origin posts are already refused by http.CrossOriginProtection).
func (w *web) checkCSRF(c *gin.Context) {
	if c.Request.Method != http.MethodPost {
		c.Next()
		return
	}
	// A form sending a file carries its token in its address: reading the
	// field would read the whole upload into memory before its handler streams it.
	var token string
	if isUpload(c) {
		token = c.Query("csrf")
	} else {
		token = c.PostForm("csrf")
	}
	s, ok := c.Get(sessionKey)
	if ok && token != s.(store.Session).CSRF {
		c.Data(http.StatusForbidden, "text/plain; charset=utf-8", []byte(translate(langOf(c), "form.csrf")))
		c.Abort()
		return
	}
	c.Next()
}

func langOf(c *gin.Context) string {
	if l, err := c.Cookie(langCookie); err == nil && l == "en" {
		return "en"
	}
	return "vi"
}

func (w *web) setLang(c *gin.Context) {
	lang := "vi"
	if c.Query("lang") == "en" {
		lang = "en"
	}
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie(langCookie, lang, 365*24*3600, "/", "", secureCookies(c), true)
	c.Redirect(http.StatusSeeOther, localPath(c.Query("next")))
}

// localPath keeps redirects on this site: it returns p only when p is a
// same-origin absolute path, and "/" otherwise. Browsers drop tabs and
// newlines from a URL and read a backslash as a slash, so "/\t/evil.example"
// or "/\evil.example" would leave the site though they do not start with
// "//"; a value is therefore refused when, raw or percent-decoded, it holds a
// control or space character or a backslash, starts with "//", or parses
// with a scheme or a host.
func localPath(p string) string {
	if !isLocalPath(p) {
		return "/"
	}
	return p
}

func isLocalPath(p string) bool {
	decoded, err := url.PathUnescape(p)
	if err != nil {
		return false
	}
	for _, v := range []string{p, decoded} {
		if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || !utf8.ValidString(v) ||
			strings.ContainsFunc(v, func(r rune) bool { return r == '\\' || unicode.IsSpace(r) || unicode.IsControl(r) }) {
			return false
		}
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == "" && strings.HasPrefix(u.Path, "/")
}

// setFlash leaves a one-line message for the next page.
func setFlash(c *gin.Context, msg string) {
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie(flashCookie, msg, 60, "/", "", secureCookies(c), true)
}

type signInView struct {
	Login, Next string
}

func (w *web) signInForm(c *gin.Context) {
	w.render(c, http.StatusOK, "signin", signInView{Next: localPath(c.Query("next"))}, nil)
}

func (w *web) signIn(c *gin.Context) {
	view := signInView{Login: c.PostForm("login"), Next: localPath(c.PostForm("next"))}
	errs := map[string]string{}
	if strings.TrimSpace(view.Login) == "" {
		errs["login"] = translate(langOf(c), "form.required")
	}
	if c.PostForm("password") == "" {
		errs["password"] = translate(langOf(c), "form.required")
	}
	if len(errs) > 0 {
		w.render(c, http.StatusBadRequest, "signin", view, errs)
		return
	}
	attempt, ok, err := w.limiter.begin(c.Request.Context(), view.Login, c.ClientIP())
	if err != nil {
		fail(c, err)
		return
	}
	if !ok {
		w.render(c, http.StatusTooManyRequests, "signin", view, map[string]string{"password": translate(langOf(c), "signin.throttled")})
		return
	}
	u, err := w.store.Authenticate(c.Request.Context(), view.Login, c.PostForm("password"))
	if err != nil { // the attempt stays counted as a failure
		if workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			fail(c, err)
			return
		}
		w.render(c, http.StatusUnauthorized, "signin", view, map[string]string{"password": translate(langOf(c), "signin.failed")})
		return
	}
	if err := w.limiter.succeeded(c.Request.Context(), attempt); err != nil {
		fail(c, err)
		return
	}
	id, err := w.store.CreateSession(c.Request.Context(), u.ID)
	if err != nil {
		fail(c, err)
		return
	}
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie(sessionCookie, id, int(store.SessionTTL.Seconds()), "/", "", secureCookies(c), true)
	next := view.Next
	if next == "/" {
		next = homeFor(u.Role)
	}
	if u.MustChangePassword {
		next = passwordPage
	}
	c.Redirect(http.StatusSeeOther, next)
}

func (w *web) signOut(c *gin.Context) {
	if id, err := c.Cookie(sessionCookie); err == nil {
		_ = w.store.DeleteSession(c.Request.Context(), id) // the cookie is cleared either way
	}
	c.SetCookie(sessionCookie, "", -1, "/", "", secureCookies(c), true)
	c.Redirect(http.StatusSeeOther, "/dang-nhap")
}

// homeFor is the first page of each role.
func homeFor(r workflow.Role) string {
	switch r {
	case workflow.RoleReception:
		return "/tiep-nhan"
	case workflow.RoleSupervisor:
		return "/giam-sat"
	case workflow.RoleAdmin:
		return "/quan-tri/nguoi-dung"
	}
	return "/ho-so"
}
