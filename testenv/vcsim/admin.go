package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// sessionTracker remembers sessions created through the public listener, so seeding and the
// simulator's own internal logins are never counted.
type sessionTracker struct {
	mu    sync.Mutex
	rest  map[string]bool
	soap  map[string]bool
	inner http.Handler  // the simulator mux, for unrecorded REST probes
	vim   *vim25.Client // in-process client: its calls create no session
}

func newSessionTracker(inner http.Handler, vim *vim25.Client) *sessionTracker {
	return &sessionTracker{rest: map[string]bool{}, soap: map[string]bool{}, inner: inner, vim: vim}
}

// Middleware notes REST tokens from session create responses and SOAP keys from session cookies.
func (t *sessionTracker) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// the testenv's own reconciler is part of the harness: its sessions are neither counted nor dropped
		if r.Header.Get("User-Agent") == reconcilerUserAgent {
			next.ServeHTTP(w, r)
			return
		}
		create := r.Method == http.MethodPost && r.URL.RawQuery == "" &&
			(r.URL.Path == restSessionPath || r.URL.Path == apiSessionPath)
		if !create {
			next.ServeHTTP(w, r)
			t.afterServe(w, r)
			return
		}
		tw := &teeWriter{statusWriter: statusWriter{ResponseWriter: w}}
		next.ServeHTTP(tw, r)
		if code := tw.code(); code == http.StatusOK || code == http.StatusCreated {
			if token := parseToken(tw.body.Bytes()); token != "" {
				t.mu.Lock()
				t.rest[token] = true
				t.mu.Unlock()
			}
		}
	})
}

func (t *sessionTracker) afterServe(w http.ResponseWriter, r *http.Request) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r.Method == http.MethodDelete && (r.URL.Path == restSessionPath || r.URL.Path == apiSessionPath) {
		delete(t.rest, r.Header.Get(sessionHeader))
	}
	for _, line := range w.Header().Values("Set-Cookie") {
		if c, err := http.ParseSetCookie(line); err == nil && c.Name == soap.SessionCookieName && c.Value != "" {
			t.soap[c.Value] = true
		}
	}
}

// parseToken accepts both the /rest form {"value":"token"} and the /api form "token".
func parseToken(body []byte) string {
	var wrapped struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(body, &wrapped) == nil && wrapped.Value != "" {
		return wrapped.Value
	}
	var bare string
	_ = json.Unmarshal(body, &bare)
	return bare
}

// restAlive asks the simulator whether a REST token is still valid, bypassing the recorder.
func (t *sessionTracker) restAlive(token string) bool {
	req := httptest.NewRequest(http.MethodGet, restSessionPath, nil)
	req.Header.Set(sessionHeader, token)
	rec := httptest.NewRecorder()
	t.inner.ServeHTTP(rec, req)
	return rec.Code == http.StatusOK
}

// liveSOAPKeys lists every session key the SessionManager currently holds.
func (t *sessionTracker) liveSOAPKeys(ctx context.Context) ([]string, error) {
	var sm mo.SessionManager
	err := property.DefaultCollector(t.vim).RetrieveOne(ctx, *t.vim.ServiceContent.SessionManager, []string{"sessionList"}, &sm)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(sm.SessionList))
	for _, s := range sm.SessionList {
		keys = append(keys, s.Key)
	}
	return keys, nil
}

// Counts prunes sessions that ended (logout, drop) and returns what is left.
func (t *sessionTracker) Counts(ctx context.Context) (map[string]int, error) {
	live, err := t.liveSOAPKeys(ctx)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	alive := map[string]bool{}
	for _, k := range live {
		alive[k] = true
	}
	for k := range t.soap {
		if !alive[k] {
			delete(t.soap, k)
		}
	}
	for token := range t.rest {
		if !t.restAlive(token) {
			delete(t.rest, token)
		}
	}
	return map[string]int{"rest": len(t.rest), "soap": len(t.soap)}, nil
}

// DropAll logs out every tracked REST session and terminates every tracked SOAP session.
func (t *sessionTracker) DropAll(ctx context.Context) error {
	t.mu.Lock()
	tokens := make([]string, 0, len(t.rest))
	for token := range t.rest {
		tokens = append(tokens, token)
	}
	tracked := t.soap
	t.rest = map[string]bool{}
	t.soap = map[string]bool{}
	t.mu.Unlock()

	for _, token := range tokens {
		req := httptest.NewRequest(http.MethodDelete, restSessionPath, nil)
		req.Header.Set(sessionHeader, token)
		t.inner.ServeHTTP(httptest.NewRecorder(), req)
	}
	live, err := t.liveSOAPKeys(ctx)
	if err != nil {
		return err
	}
	for _, key := range live {
		if !tracked[key] {
			continue
		}
		// One at a time: a session that logged out meanwhile makes the whole call fail.
		_, _ = methods.TerminateSession(ctx, t.vim, &types.TerminateSession{
			This: *t.vim.ServiceContent.SessionManager, SessionId: []string{key},
		})
	}
	return nil
}

// adminHandler serves /testenv/ (loopback clients only) and passes everything else on.
func adminHandler(t *sessionTracker, rec *Recorder, next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /testenv/sessions", func(w http.ResponseWriter, r *http.Request) {
		counts, err := t.Counts(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeJSON(w, counts)
	})
	mux.HandleFunc("POST /testenv/sessions/drop", func(w http.ResponseWriter, r *http.Request) {
		if err := t.DropAll(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeJSON(w, map[string]bool{"dropped": true})
	})
	mux.HandleFunc("POST /testenv/recorder/reset", func(w http.ResponseWriter, r *http.Request) {
		if err := rec.Reset(); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeJSON(w, map[string]bool{"reset": true})
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/testenv/") {
			next.ServeHTTP(w, r)
			return
		}
		if host, _, err := net.SplitHostPort(r.RemoteAddr); err != nil || !net.ParseIP(host).IsLoopback() {
			http.Error(w, "loopback only", http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// teeWriter keeps a copy of a (small) session create response to read the token.
type teeWriter struct {
	statusWriter
	body bytes.Buffer
}

func (w *teeWriter) Write(b []byte) (int, error) {
	w.body.Write(b)
	return w.statusWriter.Write(b)
}
