package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/session/keepalive"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/soap"
)

// userAgent lets request logs (the simulator's recorder) tell this reconciler's calls apart.
const userAgent = "backstage-vsphere-testenv-reconciler"

// vcenter is one authenticated connection to the vSphere simulator: SOAP (vim25) for VMs,
// REST for Supervisor namespaces.
type vcenter struct {
	base   *url.URL
	user   *url.Userinfo
	vim    *vim25.Client
	finder *find.Finder
	http   *http.Client

	// clusterID is the moref of this Supervisor's cluster; empty: the first WCP-* cluster
	clusterID string

	mu         sync.Mutex // guards session and the placement lookups
	session    string
	placements map[string]placement // per Supervisor namespace
	datastore  *object.Datastore    // and the NIC below: what every new VM gets
	devices    object.VirtualDeviceList
}

// placement is where a Supervisor namespace's VMs live.
type placement struct {
	pool   *object.ResourcePool
	folder *object.Folder
}

func connectVCenter(ctx context.Context, rawURL, caFile, username, password string) (*vcenter, error) {
	base, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	user := url.UserPassword(username, password)
	sdk := *base
	sdk.Path = "/sdk"
	sc := soap.NewClient(&sdk, false)
	if err := sc.SetRootCAs(caFile); err != nil {
		return nil, err
	}
	sc.UserAgent = userAgent
	vim, err := vim25.NewClient(ctx, sc)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", sdk.String(), err)
	}
	// Keep the one SOAP session alive instead of logging in again.
	vim.RoundTripper = keepalive.NewHandlerSOAP(vim.RoundTripper, 5*time.Minute, nil)
	if err := session.NewManager(vim).Login(ctx, user); err != nil {
		return nil, fmt.Errorf("login to %s: %w", rawURL, err)
	}
	finder := find.NewFinder(vim, true)
	dc, err := finder.DefaultDatacenter(ctx)
	if err != nil {
		return nil, err
	}
	finder.SetDatacenter(dc)

	pool := x509.NewCertPool()
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool.AppendCertsFromPEM(pem)
	hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	return &vcenter{base: base, user: user, vim: vim, finder: finder, http: hc, placements: map[string]placement{}}, nil
}

// login opens a REST session. The simulator only implements the older /rest form.
func (v *vcenter) login(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, v.base.JoinPath("/rest/com/vmware/cis/session").String(), nil)
	if err != nil {
		return "", err
	}
	pw, _ := v.user.Password()
	req.SetBasicAuth(v.user.Username(), pw)
	req.Header.Set("User-Agent", userAgent)
	res, err := v.http.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("session: %s", res.Status)
	}
	var body struct {
		Value string `json:"value"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return "", err
	}
	return body.Value, nil
}

// getJSON GETs a REST path with the session, logging in again once when the session expired.
func (v *vcenter) getJSON(ctx context.Context, path string, out any) error {
	for attempt := 0; ; attempt++ {
		v.mu.Lock()
		if v.session == "" {
			s, err := v.login(ctx)
			if err != nil {
				v.mu.Unlock()
				return err
			}
			v.session = s
		}
		sid := v.session
		v.mu.Unlock()

		req, err := http.NewRequestWithContext(ctx, http.MethodGet, v.base.String()+path, nil)
		if err != nil {
			return err
		}
		req.Header.Set("vmware-api-session-id", sid)
		req.Header.Set("User-Agent", userAgent)
		res, err := v.http.Do(req)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return err
		}
		if res.StatusCode == http.StatusUnauthorized && attempt == 0 {
			v.mu.Lock()
			v.session = ""
			v.mu.Unlock()
			continue
		}
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", path, res.Status)
		}
		return json.Unmarshal(body, out)
	}
}
