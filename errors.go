package dateline

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the edges of the program: the CLI turns it
// into an exit status, the web layer into an HTTP status. Stages only say
// which kind of failure happened.
type Kind int

// The error kinds.
const (
	Internal    Kind = iota // a bug or an unexpected failure
	Invalid                 // the input or request is wrong; the user can fix it
	NotFound                // the thing asked for does not exist
	Conflict                // the request clashes with what is stored
	Unavailable             // a dependency is down or overloaded; retry later
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case NotFound:
		return "not found"
	case Conflict:
		return "conflict"
	case Unavailable:
		return "unavailable"
	}
	return "internal"
}

// Error is an error with a kind and the operation that failed.
type Error struct {
	Kind Kind
	Op   string // "ingest: data/x.jsonl:12", "store.Get"
	Err  error
}

func (e *Error) Error() string {
	if e.Op == "" {
		return e.Err.Error()
	}
	return e.Op + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error of kind k for operation op.
func Errorf(k Kind, op, format string, args ...any) error {
	return &Error{Kind: k, Op: op, Err: fmt.Errorf(format, args...)}
}

// ErrorKind returns the kind of the outermost *Error in err's chain, or
// Internal when there is none.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}
