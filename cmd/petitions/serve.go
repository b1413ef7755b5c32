package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"petitions/demo"
	"petitions/handlers"
	"petitions/store"
)

func serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	db := dbFlag(fs)
	defAddr := os.Getenv("PETITIONS_ADDR")
	if defAddr == "" {
		defAddr = "127.0.0.1:8080"
	}
	addr := fs.String("addr", defAddr, "listen address")
	withDemo := fs.Bool("demo", false, "load the demo province into an empty database")
	keyFile := fs.String("key-file", "", "file holding the base64 key that seals petitioners' identities (or PETITIONS_KEY_FILE)")
	publicURL := fs.String("public-url", os.Getenv("PETITIONS_PUBLIC_URL"),
		"the address browsers use, such as https://khieunai.example.gov.vn (or PETITIONS_PUBLIC_URL); https makes cookies Secure behind a TLS proxy")
	files := fs.String("files", os.Getenv("PETITIONS_FILES"),
		"where the attachments' bytes are kept: a directory, or s3://KEY:SECRET@host/bucket/prefix (or PETITIONS_FILES; default DB.files beside a SQLite file; PostgreSQL needs it)")
	dbRead := fs.String("db-read", os.Getenv("PETITIONS_DB_READ"),
		"a PostgreSQL streaming replica for the supervisors' audit, the reports, the public lists and the exports (or PETITIONS_DB_READ); they fall back to --db while it fails")
	readers := fs.Int("db-readers", 8, "how many reads run at once on the database, and on the replica")
	timeout := fs.Duration("statement-timeout", 2*time.Minute, "PostgreSQL: a read running longer is ended (0: never)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	key, err := loadKey(*keyFile, *db, *withDemo)
	if err != nil {
		return err
	}
	tuneRuntime()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	opts := []store.Option{store.WithKey(key), store.WithFiles(*files), store.WithReaders(*readers), store.WithStatementTimeout(*timeout)}
	if *dbRead != "" {
		opts = append(opts, store.WithReadReplica(*dbRead))
	}
	s, err := store.Open(ctx, *db, opts...)
	if err != nil {
		return err
	}
	defer s.Close()
	logCalendarSync(s)
	if *withDemo {
		loaded, err := demo.Load(ctx, s, demo.Options{Seed: 2026})
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if loaded {
			fmt.Println("Demo data loaded.")
		}
		fmt.Println("Demo logins (password \"demo\"): reception, handler, head, supervisor, admin")
	}
	h, err := handlers.New(s, handlers.WithPublicURL(*publicURL))
	if err != nil {
		return err
	}
	servePprof()
	follow, stopFollowing := context.WithCancel(ctx)
	defer stopFollowing() // before the store closes
	go followBacklog(follow, s)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	fmt.Printf("Serving on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Let in-flight requests finish before the database closes.
	slog.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// followBacklog loads the kept active cases at start, then brings them up to
// the history every two seconds, so that a supervisor's request finds them
// current instead of catching up on a burst of writes (store/backlog_today.go).
func followBacklog(ctx context.Context, s *store.Store) {
	for {
		if err := s.WarmBacklog(ctx); err != nil && ctx.Err() == nil {
			slog.Warn("following today's backlog", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(2 * time.Second):
		}
	}
}
