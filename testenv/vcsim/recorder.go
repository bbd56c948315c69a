package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// Bodies larger than this are passed through unparsed (e.g. content library uploads).
const maxRecordedBody = 1 << 20

// Recorder appends one JSON line per REST or SOAP request so tests can assert what clients sent.
type Recorder struct {
	mu   sync.Mutex
	path string
	f    *os.File
}

// restEntry is one REST request; body is the parsed JSON request body with passwords redacted.
type restEntry struct {
	Time   string `json:"time"`
	Method string `json:"method"`
	Path   string `json:"path"`
	Query  string `json:"query"`
	Status int    `json:"status"`
	Body   any    `json:"body"`
}

// soapEntry is one SOAP call; only the operation is kept since SOAP bodies carry credentials.
type soapEntry struct {
	Time       string `json:"time"`
	Method     string `json:"method"`
	Path       string `json:"path"`
	Operation  string `json:"operation"`
	SOAPAction string `json:"soapAction,omitempty"`
	Status     int    `json:"status"`
}

// openRecorder truncates the file so seed-time or previous runs' requests never show up.
func openRecorder(path string) (*Recorder, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	return &Recorder{path: path, f: f}, nil
}

func (r *Recorder) write(entry any) {
	line, err := json.Marshal(entry)
	if err != nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	_, _ = r.f.Write(append(line, '\n'))
}

// Reset empties the file; O_APPEND makes later writes start at offset 0 again.
func (r *Recorder) Reset() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.f.Truncate(0)
}

func (r *Recorder) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.f.Close()
}

func isREST(path string) bool {
	return path == "/api" || strings.HasPrefix(path, "/api/") || path == "/rest" || strings.HasPrefix(path, "/rest/")
}

func isSOAP(r *http.Request) bool {
	return r.Method == http.MethodPost && !isREST(r.URL.Path) &&
		(strings.Contains(r.Header.Get("Content-Type"), "xml") || r.Header.Get("SOAPAction") != "")
}

// reconcilerUserAgent is what testenv/supervisor's reconciler sends.
const reconcilerUserAgent = "backstage-vsphere-testenv-reconciler"

// Middleware records REST and SOAP requests after they were served, with the final status.
func (r *Recorder) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		rest, soap := isREST(req.URL.Path), isSOAP(req)
		// the testenv's own reconciler polls every second; recording it would drown what clients sent
		if (!rest && !soap) || req.Header.Get("User-Agent") == reconcilerUserAgent {
			next.ServeHTTP(w, req)
			return
		}
		body, complete := peekBody(req)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, req)
		now := time.Now().UTC().Format(time.RFC3339Nano)
		if rest {
			var parsed any
			if complete && len(bytes.TrimSpace(body)) > 0 && json.Unmarshal(body, &parsed) == nil {
				parsed = redact(parsed)
			}
			r.write(restEntry{Time: now, Method: req.Method, Path: req.URL.Path, Query: req.URL.RawQuery, Status: sw.code(), Body: parsed})
			return
		}
		r.write(soapEntry{Time: now, Method: req.Method, Path: req.URL.Path, Operation: soapOperation(body),
			SOAPAction: req.Header.Get("SOAPAction"), Status: sw.code()})
	})
}

// peekBody reads up to maxRecordedBody bytes and puts them back in front of the rest of the body.
func peekBody(req *http.Request) ([]byte, bool) {
	if req.Body == nil {
		return nil, true
	}
	buf, _ := io.ReadAll(io.LimitReader(req.Body, maxRecordedBody+1))
	complete := len(buf) <= maxRecordedBody
	req.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(buf), req.Body), req.Body}
	return buf, complete
}

// soapOperation returns the local name of the first element inside the SOAP Body.
func soapOperation(body []byte) string {
	d := xml.NewDecoder(bytes.NewReader(body))
	inBody := false
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			if inBody {
				return se.Name.Local
			}
			inBody = se.Name.Local == "Body"
		}
	}
}

// redact replaces every field named like "password" at any depth.
func redact(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if strings.Contains(strings.ToLower(k), "password") {
				t[k] = "REDACTED"
			} else {
				t[k] = redact(val)
			}
		}
	case []any:
		for i := range t {
			t[i] = redact(t[i])
		}
	}
	return v
}

// statusWriter remembers the status code sent to the client.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}
