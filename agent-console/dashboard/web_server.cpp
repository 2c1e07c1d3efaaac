#include "dashboard/web_server.h"

#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "dashboard/accounts.h"
#include "dashboard/dashboard_tables.h"
#include "dashboard/day_summary.h"
#include "dashboard/follow_status.h"
#include "dashboard/html_pages.h"
#include "dashboard/login_limiter.h"
#include "dashboard/pg_pool.h"
#include "dashboard/pilot_figures.h"
#include "dashboard/web_assets.h"
#include "dashboard/web_request.h"
#include "report/report_csv.h"
#include "report/report_xlsx.h"
#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

constexpr const char* kCookie = "pcn_session";
constexpr const char* kHtml = "text/html; charset=utf-8";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string cookie_token(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  std::size_t at = 0;
  while (at < cookies.size()) {
    while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
    if (cookies.compare(at, key.size(), key) == 0) {
      const std::size_t end = cookies.find(';', at);
      return cookies.substr(at + key.size(), end == std::string::npos ? std::string::npos
                                                                       : end - at - key.size());
    }
    const std::size_t next = cookies.find(';', at);
    if (next == std::string::npos) break;
    at = next + 1;
  }
  return {};
}

/// Who is asking, for the login limiter and the log: the TCP peer, or, when the peer is this
/// machine (a reverse proxy, docs/tableau-de-bord.md), the address the proxy puts in X-Real-IP.
std::string client_address(const httplib::Request& req) {
  const std::string& peer = req.remote_addr;
  if (peer != "127.0.0.1" && peer != "::1" && peer != "::ffff:127.0.0.1") return peer;
  const std::string real = req.get_header_value("X-Real-IP");
  const bool well_formed = !real.empty() && real.size() <= 45 &&
                           real.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos;
  return well_formed ? real : peer;
}

/// `text` with its control characters replaced by '?', so that what a visitor typed cannot
/// forge lines in the log.
std::string loggable(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return text;
}

/// Removes a temporary file when it goes out of scope.
class TempFile {
 public:
  TempFile() : fd_(mkstemp(path_)) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) {
      ::close(fd_);
      std::remove(path_);
    }
  }
  bool ok() const { return fd_ >= 0; }
  const char* path() const { return path_; }

 private:
  char path_[32] = "/tmp/pcn-dashboard-XXXXXX";
  int fd_;
};

/// The host part of an Origin header ("https://pcn.nc:8443" → "pcn.nc:8443").
std::string origin_host(const std::string& origin) {
  const std::size_t scheme = origin.find("://");
  return scheme == std::string::npos ? origin : origin.substr(scheme + 3);
}

}  // namespace

struct WebServer::Impl {
  WebOptions options;
  std::unique_ptr<httplib::Server> http;
  PgPool pool;
  LoginLimiter limiter;
  std::string chart_js;
  int port = 0;
  std::thread listener;
  std::thread refresher;
  std::atomic<bool> stopping{false};
  std::atomic<bool> listener_done{false};

  explicit Impl(WebOptions o)
      : options(std::move(o)),
        pool(options.database, static_cast<std::size_t>(options.config.threads)),
        limiter(*options.clock) {}

  void log(const std::string& line) const {
    if (options.log) options.log(line);
  }
  util::TimePoint now() const { return options.clock->now(); }
  util::LocalDate today() const { return util::TimeZone::noumea().date_of(now()); }

  // --- answers ---------------------------------------------------------------------------------
  void secure(httplib::Response& res) const {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "same-origin");  // "no-referrer" makes Chromium post Origin: null
    res.set_header("Cache-Control", "no-store");
  }
  void html(httplib::Response& res, int status, const std::string& body) const {
    secure(res);
    res.status = status;
    res.set_content(body, kHtml);
  }
  void fail(httplib::Response& res, const util::Error& e, bool signed_in) const {
    const int status = http_status(e.code);
    std::string message = e.message;
    if (e.code == "central_db") {  // the database's reason is for the log, not the page
      log(text::dash_log_db_error(e.message));
      message = text::dash_db_unavailable();
    }
    html(res, status, error_page(text::dash_error_title(status), message, signed_in));
  }
  void redirect(httplib::Response& res, const std::string& to) const {
    secure(res);
    res.status = 303;
    res.set_header("Location", to);
  }
  std::string cookie(const std::string& value, long max_age) const {
    return std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
           std::to_string(max_age) + (options.config.secure_cookies ? "; Secure" : "");
  }

  // --- sessions --------------------------------------------------------------------------------
  /// The signed-in account; nullopt after answering (redirect to the login, or an error page).
  std::optional<Account> account_of(const httplib::Request& req, httplib::Response& res,
                                    const central::PgConnection& db) const {
    auto account = session_account(db, cookie_token(req));
    if (!account.ok()) {
      fail(res, account.error(), false);
      return std::nullopt;
    }
    if (!*account) redirect(res, "/connexion");
    return *account;
  }

  bool same_origin(const httplib::Request& req) const {
    const std::string origin = req.get_header_value("Origin");
    return origin.empty() || origin == "null" ? origin.empty()
                                              : origin_host(origin) == req.get_header_value("Host");
  }

  void login_form(const httplib::Request&, httplib::Response& res) const {
    html(res, 200, login_page("", ""));
  }

  void login(const httplib::Request& req, httplib::Response& res) {
    if (!same_origin(req)) {
      return html(res, 403, error_page(text::dash_error_title(403), text::dash_other_origin(), false));
    }
    const std::string login = req.get_param_value("login").substr(0, 64);
    const std::string password = req.get_param_value("password");
    const std::string address = client_address(req);
    if (!limiter.begin(login, address)) {
      log(text::dash_log_login_limited(loggable(login), address));
      return html(res, 429, login_page(text::dash_too_many_attempts(LoginLimiter::kWindow.count()), login));
    }
    auto lease = pool.acquire();
    if (!lease.ok()) return fail(res, lease.error(), false);
    auto account = check_password(lease->db(), login, password);
    if (!account.ok()) return fail(res, account.error(), false);
    if (!*account) {
      log(text::dash_log_login_failed(loggable(login), address));
      return html(res, 401, login_page(text::dash_bad_credentials(), login));
    }
    const std::chrono::hours lifetime{options.config.session_hours};
    auto token = open_session(lease->db(), (*account)->login, lifetime);
    if (!token.ok()) return fail(res, token.error(), false);
    limiter.succeeded(login, address);
    log(text::dash_log_login(login, address));
    res.set_header("Set-Cookie", cookie(*token, static_cast<long>(lifetime.count()) * 3600));
    redirect(res, "/");
  }

  void logout(const httplib::Request& req, httplib::Response& res) {
    if (!same_origin(req)) {
      return html(res, 403, error_page(text::dash_error_title(403), text::dash_other_origin(), false));
    }
    auto lease = pool.acquire();
    if (!lease.ok()) return fail(res, lease.error(), false);
    if (auto closed = close_session(lease->db(), cookie_token(req)); !closed.ok()) {
      return fail(res, closed.error(), false);
    }
    res.set_header("Set-Cookie", cookie("", 0));
    redirect(res, "/connexion");
  }

  // --- pages -----------------------------------------------------------------------------------
  void home(const httplib::Request& req, httplib::Response& res) {
    auto lease = pool.acquire();
    if (!lease.ok()) return fail(res, lease.error(), false);
    auto account = account_of(req, res, lease->db());
    if (!account) return;
    redirect(res, account->role == Role::agence ? "/agence/" + account->scope : "/tableau");
  }

  void page(const httplib::Request& req, httplib::Response& res, const std::string& agency,
            bool is_export) {
    auto lease = pool.acquire();
    if (!lease.ok()) return fail(res, lease.error(), false);
    const central::PgConnection& db = lease->db();
    auto account = account_of(req, res, db);
    if (!account) return;
    auto request = parse_page_request(req.params, today(), is_export);
    if (!request.ok()) return fail(res, request.error(), true);
    auto known = db.exec("SELECT id, CASE WHEN name = '' THEN id ELSE name END FROM agencies "
                         "ORDER BY id", {}, text::dash_db_reading());
    if (!known.ok()) return fail(res, known.error(), true);
    std::vector<std::string> ids;
    std::vector<NavAgency> nav;
    for (int r = 0; r < known->size(); ++r) {
      ids.push_back(known->text(r, 0));
      nav.push_back({known->text(r, 0), known->text(r, 1)});
    }
    auto scope = scope_for(*account, agency, ids, *request);
    if (!scope.ok()) {
      if (scope.error().code == "redirect") return redirect(res, "/agence/" + scope.error().message);
      return fail(res, scope.error(), true);
    }
    if (auto refreshed = refresh_some_stale_days(db); !refreshed.ok()) return fail(res, refreshed.error(), true);
    auto figures = read_pilot_figures(db, *scope, now());
    if (!figures.ok()) return fail(res, figures.error(), true);
    const std::vector<Panel> panels = agency.empty() ? overview_panels(*figures) : agency_panels(*figures);
    if (is_export) return download(res, panels, *request, agency);
    PageContext context{*account, {}, agency.empty() ? "/tableau" : "/agence/" + agency,
                        request->from, request->to, today(), ""};
    if (account->role != Role::agence) context.agencies = nav;
    std::string name = agency;
    for (const NavAgency& a : nav) {
      if (a.id == agency) name = a.name;
    }
    context.title = agency.empty() ? text::dash_overview_title() : text::dash_agency_title(name);
    if (account->role == Role::partenaire) context.title += " — " + text::dash_partner_scope(account->scope);
    html(res, 200, dashboard_page(context, panels));
  }

  void download(httplib::Response& res, const std::vector<Panel>& panels, const PageRequest& request,
                const std::string& agency) {
    const Panel* panel = find_panel(panels, request.table);
    if (panel == nullptr) {
      return fail(res, util::make_error("not_found", text::dash_unknown_table(request.table.substr(0, 40))),
                  true);
    }
    const std::string name = panel->table.file + "-" + (agency.empty() ? "agences" : agency) + "-" +
                             request.from.to_string() + "-" + request.to.to_string();
    secure(res);
    if (request.format == "csv") {
      res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
      res.set_content(report::csv_file(panel->table).content, "text/csv; charset=utf-8");
      return;
    }
    const TempFile file;
    if (!file.ok()) return fail(res, util::make_error("io_error", text::dash_export_failed()), true);
    auto written = report::write_xlsx(file.path(), {panel->table});
    if (!written.ok()) return fail(res, written.error(), true);
    std::string content = read_file(file.path());
    if (content.empty()) return fail(res, util::make_error("io_error", text::dash_export_failed()), true);
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
    res.set_content(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  void follow(const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
    auto lease = pool.acquire();
    if (!lease.ok()) {
      log(text::dash_log_db_error(lease.error().message));
      FollowStatus down;
      down.kind = FollowStatus::Kind::link_down;
      return html(res, 503, follow_page(down));
    }
    auto status = follow_status(lease->db(), token, now());
    if (!status.ok()) {
      log(text::dash_log_db_error(status.error().message));
      FollowStatus down;
      down.kind = FollowStatus::Kind::link_down;
      return html(res, 503, follow_page(down));
    }
    const int code = status->kind == FollowStatus::Kind::invalid     ? 404
                     : status->kind == FollowStatus::Kind::other_day ? 410
                                                                     : 200;
    html(res, code, follow_page(*status));
  }

  void routes() {
    httplib::Server& s = *http;
    s.Get("/connexion", [this](const auto& q, auto& r) { login_form(q, r); });
    s.Post("/connexion", [this](const auto& q, auto& r) { login(q, r); });
    s.Post("/deconnexion", [this](const auto& q, auto& r) { logout(q, r); });
    s.Get("/", [this](const auto& q, auto& r) { home(q, r); });
    s.Get("/tableau", [this](const auto& q, auto& r) { page(q, r, "", false); });
    s.Get("/tableau/export", [this](const auto& q, auto& r) { page(q, r, "", true); });
    s.Get(R"(/agence/([^/]{1,64}))", [this](const auto& q, auto& r) { page(q, r, q.matches[1], false); });
    s.Get(R"(/agence/([^/]{1,64})/export)", [this](const auto& q, auto& r) { page(q, r, q.matches[1], true); });
    s.Get(R"(/suivre/([A-Za-z0-9._-]{1,96}))", [this](const auto& q, auto& r) { follow(q, r); });
    s.Get("/static/chart.min.js", [this](const auto&, auto& r) {
      secure(r);
      r.headers.erase("Cache-Control");  // the library's script does not change: let it be kept
      r.set_header("Cache-Control", "max-age=86400");
      r.set_content(chart_js, "text/javascript; charset=utf-8");
    });
    s.Get("/static/dashboard.js", [this](const auto&, auto& r) {
      secure(r);
      r.set_content(std::string(dashboard_js()), "text/javascript; charset=utf-8");
    });
    s.Get("/static/dashboard.css", [this](const auto&, auto& r) {
      secure(r);
      r.set_content(std::string(dashboard_css()), "text/css; charset=utf-8");
    });
    s.set_error_handler([this](const auto& q, auto& r) {
      if (!r.body.empty()) return;
      const int status = r.status;
      const std::string message = status == 404 ? text::dash_page_not_found(q.path.substr(0, 80))
                                                : text::dash_request_refused(status);
      html(r, status, error_page(text::dash_error_title(status), message, false));
    });
    s.set_exception_handler([this](const auto&, auto& r, std::exception_ptr failure) {
      try {
        if (failure) std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        log(text::dash_log_internal_error(loggable(e.what())));
      } catch (...) {
        log(text::dash_log_internal_error("?"));
      }
      r.headers.clear();
      html(r, 500, error_page(text::dash_error_title(500), text::dash_internal_error(), false));
    });
  }

  void guards() {
    httplib::Server& s = *http;
    // Connections are served by kConnections threads, but only `threads` of them hold a database
    // connection at a time (the pool): idle or slow connections tie up no database work.
    s.new_task_queue = [] { return new httplib::ThreadPool(kConnections); };
    s.set_payload_max_length(kMaxBody);
    s.set_read_timeout(kReadTimeout);
    s.set_write_timeout(kReadTimeout);
    s.set_keep_alive_timeout(kKeepAlive.count());
    s.set_keep_alive_max_count(kKeepAliveRequests);
  }

  void refresh_loop() {
    std::optional<central::PgConnection> db;
    while (!stopping) {
      if (!db || !db->healthy()) {
        db.reset();
        if (auto opened = central::PgConnection::open(options.database); opened.ok()) db.emplace(std::move(*opened));
      }
      if (db) {
        if (auto done = refresh_stale_days(*db); !done.ok()) log(text::dash_log_db_error(done.error().message));
      }
      for (int i = 0; i < 10 && !stopping; ++i) std::this_thread::sleep_for(kRefreshEvery / 10);
    }
  }
};

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WebServer::~WebServer() {
  impl_->stopping = true;
  impl_->http->stop();
  if (impl_->listener.joinable()) impl_->listener.join();
  if (impl_->refresher.joinable()) impl_->refresher.join();
}

int WebServer::port() const { return impl_->port; }

util::Result<std::unique_ptr<WebServer>> WebServer::start(WebOptions options) {
  auto impl = std::make_unique<Impl>(std::move(options));
  impl->chart_js = read_file(impl->options.chart_js);
  if (impl->chart_js.empty()) {
    return util::make_error("io_error", text::dash_chart_js_missing(impl->options.chart_js));
  }
  const central::WebConfig& c = impl->options.config;
  if (!c.certificate.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(c.certificate, ec) || !std::filesystem::exists(c.private_key, ec)) {
      return util::make_error("io_error", text::dash_tls_missing(c.certificate.string(),
                                                                 c.private_key.string()));
    }
    auto tls = std::make_unique<httplib::SSLServer>(c.certificate.c_str(), c.private_key.c_str());
    if (!tls->is_valid()) {
      return util::make_error("io_error", text::dash_tls_missing(c.certificate.string(),
                                                                 c.private_key.string()));
    }
    impl->http = std::move(tls);
  } else {
    impl->http = std::make_unique<httplib::Server>();
  }
  impl->guards();
  impl->routes();
  if (c.port == 0) {
    impl->port = impl->http->bind_to_any_port(c.host);
  } else if (impl->http->bind_to_port(c.host, c.port)) {
    impl->port = c.port;
  }
  if (impl->port <= 0) {
    return util::make_error("bind_failed", text::dash_bind_failed(c.host, c.port));
  }
  Impl* raw = impl.get();
  impl->listener = std::thread([raw] {
    raw->http->listen_after_bind();
    raw->listener_done = true;
  });
  // The library's stop() does nothing before the listener runs: wait for it, so that a server
  // stopped at once (a failed start of the centre, a test) does not hang in its destructor.
  while (!raw->http->is_running() && !raw->listener_done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl->refresher = std::thread([raw] { raw->refresh_loop(); });
  raw->log(text::dash_log_listening(c.host, raw->port, !c.certificate.empty()));
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

}  // namespace pcn::dashboard
