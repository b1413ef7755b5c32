package store

/*
#include <stdint.h>

// The SQLite that mattn/go-sqlite3 compiles into the binary. The references
// are weak so that this package's C code also links on its own, as cgo
// links it once to learn what it imports; bulk_linked reports whether the
// final link resolved them.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
extern int sqlite3_bind_text64(sqlite3_stmt*, int, const char*, uint64_t, void (*)(void*), unsigned char) __attribute__((weak));
extern int sqlite3_bind_int64(sqlite3_stmt*, int, int64_t) __attribute__((weak));
extern int sqlite3_bind_null(sqlite3_stmt*, int) __attribute__((weak));
extern int sqlite3_step(sqlite3_stmt*) __attribute__((weak));
extern int sqlite3_reset(sqlite3_stmt*) __attribute__((weak));
extern int sqlite3_clear_bindings(sqlite3_stmt*) __attribute__((weak));
extern sqlite3 *sqlite3_db_handle(sqlite3_stmt*) __attribute__((weak));
extern const char *sqlite3_errmsg(sqlite3*) __attribute__((weak));

static int bulk_linked(void) {
	return sqlite3_bind_text64 && sqlite3_bind_int64 && sqlite3_bind_null && sqlite3_step && sqlite3_reset &&
		sqlite3_clear_bindings && sqlite3_db_handle && sqlite3_errmsg;
}

// bulk_value is bulkValue.
typedef struct { int64_t i, n; } bulk_value;

// bulk_insert binds and runs full (rows rows of cols columns) as often as the
// n values v fill it, then one (a single row) for the rest. Texts are bound
// without a copy from arena: the bindings are cleared before it returns. It
// returns SQLite's result code, and its message in *msg.
static int bulk_insert(sqlite3_stmt *full, sqlite3_stmt *one, int cols, int rows,
		const bulk_value *v, int64_t n, const char *arena, const char **msg) {
	static const char empty[1] = "";
	int rc = 0;
	while (n > 0 && rc == 0) {
		sqlite3_stmt *st = full;
		int64_t width = (int64_t)cols * rows;
		if (n < width) {
			st = one;
			width = cols;
		}
		for (int k = 0; k < width && rc == 0; k++) {
			const bulk_value *x = &v[k];
			if (x->n >= 0) {
				// SQLITE_STATIC, SQLITE_UTF8
				rc = sqlite3_bind_text64(st, k + 1, x->n ? arena + x->i : empty, (uint64_t)x->n, (void (*)(void*))0, 1);
			} else if (x->n == -1) {
				rc = sqlite3_bind_null(st, k + 1);
			} else {
				rc = sqlite3_bind_int64(st, k + 1, x->i);
			}
		}
		if (rc == 0) {
			rc = sqlite3_step(st);
			rc = rc == 101 ? 0 : rc; // SQLITE_DONE
		}
		if (rc != 0) {
			*msg = sqlite3_errmsg(sqlite3_db_handle(st));
		}
		sqlite3_reset(st);
		v += width;
		n -= width;
	}
	sqlite3_clear_bindings(full);
	sqlite3_clear_bindings(one);
	return rc;
}

// bulk_insert3 is bulk_insert for the three tables of a batch in turn, in
// one call from Go; *failed is the table that failed.
static int bulk_insert3(sqlite3_stmt **st, const int *cols, const int *rows,
		const bulk_value *v0, int64_t n0, const bulk_value *v1, int64_t n1, const bulk_value *v2, int64_t n2,
		const char *arena, int *failed, const char **msg) {
	const bulk_value *v[3] = {v0, v1, v2};
	int64_t n[3] = {n0, n1, n2};
	int rc = 0;
	for (int i = 0; i < 3 && rc == 0; i++) {
		*failed = i;
		rc = bulk_insert(st[2 * i], st[2 * i + 1], cols[i], rows[i], v[i], n[i], arena, msg);
	}
	return rc;
}
*/
import "C"

import (
	"fmt"
	"reflect"
	"strings"
	"unsafe"
)

// The writer binds the load's values in C, through the statements the
// driver prepared. Through the driver, each of the two hundred million
// values of a million cases crosses from Go to C, and SQLite copies each
// text; here one call binds a whole batch, and the texts are bound where the
// sealer wrote them (bulkRows.arena). This more than halved the writer's time.

// bulkSQLiteLinked reports whether the loader can call SQLite directly.
var bulkSQLiteLinked = C.bulk_linked() != 0

// bulkValue and bulk_value are the same 16 bytes.
var (
	_ [unsafe.Sizeof(bulkValue{}) - unsafe.Sizeof(C.bulk_value{})]byte
	_ [unsafe.Sizeof(C.bulk_value{}) - unsafe.Sizeof(bulkValue{})]byte
)

// sqliteStmtHandle is the sqlite3_stmt behind a statement of mattn/go-sqlite3
// (its field s), or nil when the driver keeps it otherwise.
func sqliteStmtHandle(st any) unsafe.Pointer {
	v := reflect.ValueOf(st)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("s")
	if !f.IsValid() || f.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type().Elem().Name(), "sqlite3_stmt") {
		return nil
	}
	return f.UnsafePointer()
}

// bulkInsert inserts a batch's rows through SQLite's handles of the
// statements of each table (ins[i].hFull, ins[i].hOne), in one call: back
// from C, a goroutine may wait for the scheduler while the generator and
// the sealer hold both processors.
func bulkInsert(ins *[3]rawInsert, rows *bulkRows) error {
	var (
		st         [6]*C.sqlite3_stmt
		cols, nrow [3]C.int
		v          [3]*C.bulk_value
		n          [3]C.int64_t
	)
	for i, values := range [...][]bulkValue{rows.cases, rows.petitioners, rows.history} {
		st[2*i], st[2*i+1] = (*C.sqlite3_stmt)(ins[i].hFull), (*C.sqlite3_stmt)(ins[i].hOne)
		cols[i], nrow[i] = C.int(len(ins[i].t.cols)), C.int(ins[i].t.rows)
		if len(values) > 0 {
			v[i], n[i] = (*C.bulk_value)(unsafe.Pointer(&values[0])), C.int64_t(len(values))
		}
	}
	var arena *C.char
	if len(rows.arena) > 0 {
		arena = (*C.char)(unsafe.Pointer(&rows.arena[0]))
	}
	var (
		failed C.int
		msg    *C.char
	)
	rc := C.bulk_insert3(&st[0], &cols[0], &nrow[0], v[0], n[0], v[1], n[1], v[2], n[2], arena, &failed, &msg)
	if rc != 0 {
		return fmt.Errorf("store: bulk %s: %s (%d)", ins[failed].t.name, C.GoString(msg), int(rc))
	}
	return nil
}
