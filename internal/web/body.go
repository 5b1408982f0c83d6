package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/datelinehq/dateline"
)

// maxDocs bounds how many articles one POST may carry.
const maxDocs = 10000

// toJSONL turns a request body holding one JSON object, a JSON array of
// objects, or a stream of objects (JSONL, or objects separated by any white
// space) into JSONL: one compact object a line, which is what the ingest
// pipeline reads. It parses the whole body so a malformed one is refused
// before anything is stored.
func toJSONL(body io.Reader) ([]byte, int, error) {
	const op = "body"
	dec := json.NewDecoder(body)
	dec.UseNumber()
	var out bytes.Buffer
	n := 0
	add := func(raw json.RawMessage, where string) error {
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || raw[0] != '{' {
			return dateline.Errorf(dateline.Invalid, op, "%s: want a JSON object (an article), got %s", where, kindOf(raw))
		}
		if n >= maxDocs {
			return dateline.Errorf(dateline.Invalid, op, "more than %d articles in one request; split it", maxDocs)
		}
		if err := json.Compact(&out, raw); err != nil {
			return dateline.Errorf(dateline.Invalid, op, "%s: %v", where, err)
		}
		out.WriteByte('\n')
		n++
		return nil
	}
	for i := 1; ; i++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, jsonErr(op, fmt.Sprintf("value %d", i), err)
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && raw[0] == '[' {
			var items []json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, 0, jsonErr(op, fmt.Sprintf("value %d", i), err)
			}
			for j, it := range items {
				if err := add(it, fmt.Sprintf("value %d, item %d", i, j+1)); err != nil {
					return nil, 0, err
				}
			}
			continue
		}
		if err := add(raw, fmt.Sprintf("value %d", i)); err != nil {
			return nil, 0, err
		}
	}
	if n == 0 {
		return nil, 0, dateline.Errorf(dateline.Invalid, op, "no articles in the body; send a JSON object, an array of them, or JSONL")
	}
	return out.Bytes(), n, nil
}

// jsonErr keeps a body-size error recognisable and makes every other decode
// error a bad request.
func jsonErr(op, where string, err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return dateline.Errorf(dateline.Invalid, op, "%s: the JSON ends early", where)
	}
	return dateline.Errorf(dateline.Invalid, op, "%s: malformed JSON: %v", where, err)
}

func kindOf(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// checkContentType accepts the JSON and JSONL media types, and none at all
// (curl --data-binary sends form encoding by default, which we also take,
// since the body decides).
func checkContentType(ct string) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return errStatus(http.StatusUnsupportedMediaType, "Content-Type %q cannot be parsed", ct)
	}
	switch mt {
	case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines",
		"application/jsonlines", "application/json-seq", "text/plain", "application/x-www-form-urlencoded":
		return nil
	}
	return errStatus(http.StatusUnsupportedMediaType, "Content-Type %s is not accepted; send application/json or application/x-ndjson", mt)
}
