// pcn-central's web server (issue #13): the pilot's dashboard for named accounts and the public
// "suivre mon ticket" pages, over HTTP with Debian's cpp-httplib (HTTPS directly when [web] has
// a certificate, or behind a reverse proxy: docs/installation-centre.md).
//
// Routes:
//   GET  /connexion, POST /connexion, POST /deconnexion       the login (dashboard/accounts.h)
//   GET  /                      → /tableau, or an agence account's own agency page
//   GET  /tableau[?du&au]       all agencies side by side   (dashboard/dashboard_tables.h)
//   GET  /agence/<id>[?du&au]   one agency
//   GET  /tableau/export?du&au&tableau=<key>&format=csv|xlsx, /agence/<id>/export?…
//   GET  /suivre/<token>        public: one ticket (dashboard/follow_status.h)
//   GET  /static/chart.min.js (Debian's libjs-chart.js), /static/dashboard.js, dashboard.css
//
// Guards: every dashboard route needs a live session (else → /connexion); the account's role is
// applied by the server (web_request.h) to pages and downloads alike; logins are rate-limited
// (login_limiter.h); cookies HttpOnly, SameSite=Strict, Secure under HTTPS or secure_cookies;
// a POST whose Origin is another site is refused; request bodies at most kMaxBody, a request
// must arrive within kReadTimeout, a connection kept alive at most kKeepAlive idle and
// kKeepAliveRequests requests; kConnections connections served at once (more wait to be
// accepted), of which `threads` at a time work with one of the pool's PostgreSQL connections;
// per-address limits belong to the HTTPS proxy in front (docs/tableau-de-bord.md); every
// answer carries a Content-Security-Policy that allows only this server's scripts and styles.
// Errors are French pages with their HTTP status; the database's own messages go to the log only.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "central/central_config.h"
#include "util/clock.h"
#include "util/result.h"

namespace pcn::dashboard {

struct WebOptions {
  central::WebConfig config;
  std::string database;  ///< libpq's connection string
  std::string chart_js = "/usr/share/javascript/chart.js/chart.min.js";
  const util::Clock* clock = nullptr;  ///< REQUIRED; outlives the server
  std::function<void(const std::string&)> log{};
};

class WebServer {
 public:
  static constexpr std::size_t kMaxBody = 16 * 1024;
  static constexpr std::chrono::seconds kReadTimeout{5};
  static constexpr std::chrono::seconds kKeepAlive{3};
  static constexpr int kKeepAliveRequests = 50;
  static constexpr std::size_t kConnections = 64;
  static constexpr std::chrono::milliseconds kRefreshEvery{1000};

  /// Binds (port 0 = any free port) and serves from threads of its own until destroyed. Fails
  /// with "bind_failed", "io_error" (Chart.js or the certificate missing) in French.
  static util::Result<std::unique_ptr<WebServer>> start(WebOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  int port() const;

 private:
  struct Impl;
  explicit WebServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pcn::dashboard
