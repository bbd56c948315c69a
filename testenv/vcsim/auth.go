package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
)

const (
	restSessionPath = "/rest/com/vmware/cis/session"
	apiSessionPath  = "/api/session"
	sessionHeader   = "vmware-api-session-id"
)

// vAPI "authentication required" message, as vCenter sends it.
var authRequiredMessage = map[string]any{
	"id":              "com.vmware.vapi.endpoint.method.authentication.required",
	"default_message": "Authentication required.",
	"args":            []string{},
}

// authShim adds what the simulator lacks on the REST side: the /api/session form and
// vAPI error bodies on 401 (the simulator answers 401 with an empty body).
func authShim(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isREST(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		hw := &holdWriter{ResponseWriter: w}
		if r.URL.Path == apiSessionPath && r.URL.RawQuery == "" {
			apiSession(next, hw, r)
		} else {
			next.ServeHTTP(hw, r)
		}
		hw.finish(strings.HasPrefix(r.URL.Path, "/api"))
	})
}

// apiSession maps POST/GET/DELETE /api/session onto the simulator's /rest session handler.
func apiSession(next http.Handler, w http.ResponseWriter, r *http.Request) {
	inner := r.Clone(r.Context())
	inner.URL.Path = restSessionPath
	inner.RequestURI = ""
	inner.Header.Set("vmware-use-header-authn", "true") // token in the body only, no cookie
	rec := httptest.NewRecorder()
	next.ServeHTTP(rec, inner)
	if rec.Code != http.StatusOK {
		w.WriteHeader(rec.Code)
		return
	}
	var wrapped struct {
		Value json.RawMessage `json:"value"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &wrapped)
	switch r.Method {
	case http.MethodPost:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(wrapped.Value)
	case http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(wrapped.Value)
	}
}

// holdWriter delays a 401 status so an error body can be added when the handler wrote none.
type holdWriter struct {
	http.ResponseWriter
	held    bool
	started bool
}

func (w *holdWriter) WriteHeader(code int) {
	if w.started || w.held {
		return
	}
	if code == http.StatusUnauthorized {
		w.held = true
		return
	}
	w.started = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *holdWriter) Write(b []byte) (int, error) {
	if !w.started {
		w.started = true
		if w.held {
			w.ResponseWriter.WriteHeader(http.StatusUnauthorized)
		}
	}
	return w.ResponseWriter.Write(b)
}

// finish writes the vAPI unauthenticated error in the /api or /rest shape if a 401 had no body.
func (w *holdWriter) finish(api bool) {
	if !w.held || w.started {
		return
	}
	body := map[string]any{
		"type":  "com.vmware.vapi.std.errors.unauthenticated",
		"value": map[string]any{"messages": []any{authRequiredMessage}},
	}
	if api {
		body = map[string]any{"error_type": "UNAUTHENTICATED", "messages": []any{authRequiredMessage}}
	}
	w.Header().Set("Content-Type", "application/json")
	w.ResponseWriter.WriteHeader(http.StatusUnauthorized)
	_ = json.NewEncoder(w.ResponseWriter).Encode(body)
}
