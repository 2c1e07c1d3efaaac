// The dashboard's server over real HTTP (cpp-httplib's client) against a real PostgreSQL with
// the scripted dataset (support/dashboard_fixture.h): login, logout, expiry, the rate limit,
// what each role may see (whatever the URL says), malformed parameters, the numbers of the
// tables against SQL on pilot_tickets, and the CSV and XLSX downloads.
#include <doctest/doctest.h>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>
#include <sstream>
#include <string>
#include <vector>

#include "dashboard/accounts.h"
#include "support/dashboard_fixture.h"

using namespace pcn;
using pcn::testing::DashboardFixture;
using pcn::testing::kPassword;

namespace {

const std::string kRange = std::string("?du=") + testing::kFrom + "&au=" + testing::kTo;

/// A browser of one person: keeps the session cookie.
struct Browser {
  explicit Browser(int port) : client("127.0.0.1", port) {}
  httplib::Client client;
  std::string cookie;

  httplib::Headers headers() const {
    return cookie.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", cookie}};
  }
  httplib::Result get(const std::string& path) { return client.Get(path.c_str(), headers()); }
  httplib::Result login(const std::string& login, const std::string& password) {
    httplib::Params form{{"login", login}, {"password", password}};
    auto r = client.Post("/connexion", headers(), form);
    if (r && r->has_header("Set-Cookie")) {
      const std::string set = r->get_header_value("Set-Cookie");
      cookie = set.substr(0, set.find(';'));
    }
    return r;
  }
};

/// The CSV's rows as fields (BOM and CRLF removed).
std::vector<std::vector<std::string>> csv_rows(std::string body) {
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::string field;
    std::istringstream l(line);
    while (std::getline(l, field, ';')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

/// "42,5" → "42.5" (the CSV's decimal comma).
std::string dotted(std::string s) {
  for (char& c : s) if (c == ',') c = '.';
  return s;
}

}  // namespace

TEST_CASE("dashboard: login, logout, an expired session, and the rate limit") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  Browser anonymous(bench.port());
  auto page = anonymous.get("/tableau");
  REQUIRE(page);
  CHECK(page->status == 303);
  CHECK(page->get_header_value("Location") == "/connexion");
  auto form = anonymous.get("/connexion");
  REQUIRE(form);
  CHECK(form->body.find("Mot de passe") != std::string::npos);
  CHECK(form->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
        std::string::npos);

  Browser claire(bench.port());
  auto wrong = claire.login("coord", "pas le bon");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(wrong->body.find("Identifiant ou mot de passe incorrect") != std::string::npos);
  CHECK(claire.cookie.empty());
  auto good = claire.login("coord", kPassword);
  REQUIRE(good);
  CHECK(good->status == 303);
  const std::string set = good->get_header_value("Set-Cookie");
  CHECK(set.find("HttpOnly") != std::string::npos);
  CHECK(set.find("SameSite=Strict") != std::string::npos);
  auto overview = claire.get("/tableau" + kRange);
  REQUIRE(overview);
  CHECK(overview->status == 200);
  CHECK(overview->body.find("Toutes les agences du pilote") != std::string::npos);
  CHECK(overview->body.find("OPT Koné") != std::string::npos);

  // logout ends the session on the server, not only in the browser
  const std::string kept = claire.cookie;
  auto out = claire.client.Post("/deconnexion", claire.headers(), "", "text/plain");
  REQUIRE(out);
  CHECK(out->status == 303);
  claire.cookie = kept;
  auto after = claire.get("/tableau");
  REQUIRE(after);
  CHECK(after->status == 303);

  // an expired session
  claire.login("coord", kPassword);
  REQUIRE(claire.get("/tableau")->status == 200);
  bench.pg().psql("UPDATE web_sessions SET expires_at = now() - interval '1 second'");
  CHECK(claire.get("/tableau")->status == 303);

  // a disabled account: its sessions end, and it cannot log in again
  claire.login("coord", kPassword);
  REQUIRE(claire.get("/tableau")->status == 200);
  {
    auto db = central::PgConnection::open(bench.pg().conninfo());
    REQUIRE(db.ok());
    REQUIRE(dashboard::disable_account(*db, "coord").ok());
    CHECK(dashboard::disable_account(*db, "personne").error().code == "not_found");
  }
  CHECK(claire.get("/tableau")->status == 303);
  CHECK(claire.login("coord", kPassword)->status == 401);

  // five failures from one address (Claire's wrong password and her disabled account above, and
  // three guesses): the next attempt is refused even with the right password
  Browser guesser(bench.port());
  for (int i = 0; i < 3; ++i) CHECK(guesser.login("bourail", "devinette-" + std::to_string(i))->status == 401);
  auto limited = guesser.login("bourail", kPassword);
  REQUIRE(limited);
  CHECK(limited->status == 429);
  CHECK(limited->body.find("Trop de tentatives") != std::string::npos);
  CHECK(guesser.cookie.empty());
  CHECK(bench.log().find("tentatives bloquées pour « bourail »") != std::string::npos);
  // a form posted from another site is refused
  httplib::Client other("127.0.0.1", bench.port());
  auto forged = other.Post("/connexion", {{"Origin", "http://evil.example"}},
                           httplib::Params{{"login", "coord"}, {"password", kPassword}});
  REQUIRE(forged);
  CHECK(forged->status == 403);
}

TEST_CASE("dashboard: guesses sent in parallel, and guesses behind a reverse proxy") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  // 12 wrong passwords at once: no more than LoginLimiter::kFailures are even checked
  std::vector<int> statuses(12, 0);
  std::vector<std::thread> guessers;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    guessers.emplace_back([&, i] {
      Browser guesser(bench.port());
      auto r = guesser.login("kone", "devinette-" + std::to_string(i));
      statuses[i] = r ? r->status : -1;
    });
  }
  for (auto& t : guessers) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 401) <= 5);
  CHECK(std::count(statuses.begin(), statuses.end(), 401) + std::count(statuses.begin(), statuses.end(), 429) == 12);

  // behind nginx every connection comes from 127.0.0.1: X-Real-IP tells who is guessing, so
  // one person's failures do not lock everybody out
  httplib::Client proxy("127.0.0.1", bench.port());
  auto post = [&](const std::string& address, const std::string& login, const std::string& password) {
    auto r = proxy.Post("/connexion", {{"X-Real-IP", address}},
                        httplib::Params{{"login", login}, {"password", password}});
    return r ? r->status : -1;
  };
  for (int i = 0; i < 5; ++i) CHECK(post("203.0.113.7", "login-" + std::to_string(i), "devinette") == 401);
  CHECK(post("203.0.113.7", "coord", kPassword) == 429);
  CHECK(post("198.51.100.2", "coord", kPassword) == 303);
  CHECK(bench.log().find("depuis 203.0.113.7") != std::string::npos);
  // what a guesser types cannot forge a line of the log
  CHECK(post("198.51.100.9", "faux\ntableau de bord : connexion de « coord »", "x") == 401);
  CHECK(bench.log().find("faux?tableau") != std::string::npos);
}

TEST_CASE("dashboard: an agence account sees its agency only, even by editing the URL") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  Browser bernard(bench.port());
  REQUIRE(bernard.login("bourail", kPassword)->status == 303);
  auto home = bernard.get("/");
  CHECK(home->get_header_value("Location") == "/agence/bourail");
  CHECK(bernard.get("/tableau")->get_header_value("Location") == "/agence/bourail");
  auto own = bernard.get("/agence/bourail" + kRange);
  REQUIRE(own);
  CHECK(own->status == 200);
  CHECK(own->body.find("Agence : OPT Bourail") != std::string::npos);
  CHECK(own->body.find("OPT Koné") == std::string::npos);  // not even in the navigation
  for (const std::string& path : {"/agence/kone" + kRange, "/agence/n-existe-pas" + kRange,
                                 "/agence/kone/export" + kRange + "&tableau=attente&format=csv",
                                 "/tableau/export" + kRange + "&tableau=attente&format=csv"}) {
    auto r = bernard.get(path);
    REQUIRE(r);
    INFO(path);
    if (path.rfind("/tableau", 0) == 0) {
      CHECK(r->status == 303);
    } else {
      CHECK(r->status == 403);
      CHECK(r->body.find("l’agence « bourail » seulement") != std::string::npos);
    }
  }
}

TEST_CASE("dashboard: a partenaire sees only its partner's visits, in every agency") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  Browser carole(bench.port());
  REQUIRE(carole.login("cafat", kPassword)->status == 303);
  auto partners = carole.get("/tableau/export" + kRange + "&tableau=partner&format=csv");
  REQUIRE(partners);
  REQUIRE(partners->status == 200);
  auto rows = csv_rows(partners->body);
  REQUIRE(rows.size() == 2);  // titles, then cafat only: no eec, no "non renseigné"
  CHECK(rows[1][0] == "cafat");
  const std::string sql_cafat = trimmed(bench.pg().psql(
      "SELECT count(*) FROM pilot_tickets WHERE state = 'done' AND 'cafat' = ANY(partner) "
      "AND day BETWEEN '2026-11-02' AND '2026-11-29'"));
  CHECK(rows[1][rows[1].size() - 2] == sql_cafat);  // the all-agencies column
  // its waits are those of its visits
  auto waits = csv_rows(carole.get("/tableau/export" + kRange + "&tableau=attente&format=csv")->body);
  const std::string sql_served = trimmed(bench.pg().psql(
      "SELECT count(*) FROM pilot_tickets WHERE agency = 'bourail' AND state = 'done' "
      "AND 'cafat' = ANY(partner) AND day BETWEEN '2026-11-02' AND '2026-11-29'"));
  REQUIRE(waits.size() >= 2);
  CHECK(waits[1][0] == "OPT Bourail");
  CHECK(waits[1][2] == sql_served);
  auto page = carole.get("/agence/kone" + kRange);
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("visites avec le partenaire « cafat »") != std::string::npos);
}

TEST_CASE("dashboard: the tables' numbers are those SQL gives from the tickets") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  Browser claire(bench.port());
  REQUIRE(claire.login("coord", kPassword)->status == 303);
  auto waits = claire.get("/tableau/export" + kRange + "&tableau=attente&format=csv");
  REQUIRE(waits);
  REQUIRE(waits->status == 200);
  CHECK(waits->get_header_value("Content-Disposition").find("attente-par-agence-agences-2026-11-02") !=
        std::string::npos);
  auto rows = csv_rows(waits->body);
  REQUIRE(rows.size() == 5);  // titles, three agencies, all agencies
  const char* ids[] = {"bourail", "kone", "tadine"};
  INFO(waits->body);
  for (int i = 0; i < 3; ++i) {
    INFO(std::string(ids[i]));
    const std::string where = std::string("WHERE agency = '") + ids[i] +
                              "' AND day BETWEEN '2026-11-02' AND '2026-11-29'";
    const std::string expected = trimmed(bench.pg().psql(
        "SELECT count(*) || '|' || count(*) FILTER (WHERE state = 'done') || '|' || "
        "count(*) FILTER (WHERE state IN ('done', 'called')) || '|' || "
        "(percentile_disc(0.5) WITHIN GROUP (ORDER BY least(wait_seconds / 60, 120)) "
        "  FILTER (WHERE state IN ('done', 'called'))) || '|' || "
        "(percentile_disc(0.9) WITHIN GROUP (ORDER BY least(wait_seconds / 60, 120)) "
        "  FILTER (WHERE state IN ('done', 'called'))) || '|' || "
        "count(*) FILTER (WHERE state = 'absent') FROM pilot_tickets " + where));
    const auto& r = rows[static_cast<std::size_t>(i + 1)];
    REQUIRE(r.size() == 10);
    const std::string median = dotted(r[6]), p90 = dotted(r[7]);
    const std::string got = r[1] + "|" + r[2] + "|" + r[3] + "|" +
                            std::to_string(static_cast<int>(std::stod(median))) + "|" +
                            std::to_string(static_cast<int>(std::stod(p90))) + "|" + r[8];
    CHECK(got == expected);
    const std::string within = trimmed(bench.pg().psql(
        "SELECT round(100.0 * count(*) FILTER (WHERE wait_seconds <= 900) / count(*), 1) "
        "FROM pilot_tickets " + where + " AND state IN ('done', 'called')"));
    CHECK(dotted(r[4]) == within);
  }
  // accompaniments per week and agency
  auto weeks = csv_rows(claire.get("/tableau/export" + kRange + "&tableau=semaines&format=csv")->body);
  REQUIRE(weeks.size() == 5);  // four weeks from Monday 2 November
  const std::string week2 = trimmed(bench.pg().psql(
      "SELECT count(*) FROM pilot_tickets WHERE agency = 'kone' AND state = 'done' "
      "AND day BETWEEN '2026-11-09' AND '2026-11-15'"));
  CHECK(weeks[2][0] == "2026-11-09");
  CHECK(weeks[2][2] == week2);
  // the profile table of small counts: masked, never the number
  auto ages = csv_rows(claire.get("/agence/tadine/export" + kRange + "&tableau=age_band&format=csv")->body);
  bool masked = false;
  for (const auto& r : ages) masked = masked || (r.size() > 2 && r[2] == "< 5");
  const std::string tadine_day = trimmed(bench.pg().psql(
      "SELECT count(*) FROM pilot_tickets WHERE agency = 'tadine' AND state = 'done' "
      "AND day = '2026-11-02' AND age_band = '40_59'"));
  auto one_day = csv_rows(claire.get("/agence/tadine/export?du=2026-11-02&au=2026-11-02&tableau=age_band&format=csv")->body);
  for (const auto& r : one_day) {
    if (r.size() > 2 && r[0] == "40_59" && tadine_day != "0") CHECK(r[2] == "< 5");
  }
  (void)masked;
  // side by side, a shown total would give a masked agency's count away (total − shown cells):
  // a row with a masked agency has its total masked too
  auto side = csv_rows(claire.get("/tableau/export?du=2026-11-02&au=2026-11-02&tableau=age_band&format=csv")->body);
  REQUIRE(side.size() > 2);
  int masked_rows = 0;
  for (std::size_t r = 1; r < side.size(); ++r) {
    const auto& row = side[r];
    REQUIRE(row.size() >= 6);  // code, label, three agencies, all agencies, share (empty when masked)
    INFO(row[0]);
    bool agency_masked = false;
    for (std::size_t c = 2; c < 5; ++c) agency_masked = agency_masked || row[c] == "< 5";
    if (agency_masked) {
      ++masked_rows;
      CHECK(row[5] == "< 5");
    }
  }
  CHECK(masked_rows > 0);
  // the workbook of a table
  auto xlsx = claire.get("/agence/bourail/export" + kRange + "&tableau=jours&format=xlsx");
  REQUIRE(xlsx);
  CHECK(xlsx->status == 200);
  CHECK(xlsx->body.rfind("PK", 0) == 0);  // a zip: Office Open XML
}

TEST_CASE("dashboard: wrong parameters get a French error page, never an SQL error") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  Browser claire(bench.port());
  REQUIRE(claire.login("coord", kPassword)->status == 303);
  struct Case {
    std::string path;
    int status;
    std::string says;
  };
  const std::vector<Case> cases{
      {"/tableau?du=2026-13-01", 400, "n’est pas une date au format AAAA-MM-JJ"},
      {"/tableau?du=2026-11-30&au=2026-11-01", 400, "après sa fin"},
      {"/tableau?du=2020-01-01&au=2026-11-01", 400, "dépasse 366 jours"},
      {"/tableau?semaine=3", 400, "n’est pas connu"},
      {"/tableau?du=2026-11-01&du=2026-11-02", 400, "plusieurs fois"},
      {"/agence/inconnue", 404, "L’agence « inconnue » n’existe pas"},
      {"/agence/x'%20OR%20'1'='1", 404, "n’existe pas"},
      {"/tableau/export?tableau=secret&format=csv", 404, "Le tableau « secret » n’existe pas"},
      {"/tableau/export?tableau=attente&format=pdf", 400, "csv ou xlsx"},
      {"/pas-une-page", 404, "n’existe pas"},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    auto r = claire.get(c.path);
    REQUIRE(r);
    CHECK(r->status == c.status);
    CHECK(r->body.find(c.says) != std::string::npos);
    CHECK(r->body.find("ERROR") == std::string::npos);
    CHECK(r->body.find("syntax") == std::string::npos);
    CHECK(r->body.find("lang=\"fr\"") != std::string::npos);
  }
  // a body too large is refused before it is read
  httplib::Client big("127.0.0.1", bench.port());
  auto r = big.Post("/connexion", std::string(64 * 1024, 'x'), "application/x-www-form-urlencoded");
  REQUIRE(r);
  CHECK(r->status == 413);
}

TEST_CASE("dashboard: drill — a flood of requests and idle connections, a signed-in person still served") {
  if (!testing::have_postgres()) return;
  DashboardFixture bench;
  Browser claire(bench.port());
  REQUIRE(claire.login("coord", kPassword)->status == 303);
  // 40 connections opened and left silent (each is dropped after WebServer::kReadTimeout)
  std::vector<int> idle;
  for (int i = 0; i < 40; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(bench.port()));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) idle.push_back(fd);
  }
  // 8 clients asking as fast as they can for pages that need no session, garbage and big ones;
  // they go on until the signed-in page is served and each of them had 20 answers (a slow
  // machine only makes this longer: nothing here is timed but the page's own wait)
  std::atomic<bool> flooding{true};
  std::vector<std::atomic<int>> answered(8);
  std::vector<std::thread> flood;
  for (int t = 0; t < 8; ++t) {
    flood.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", bench.port());
      c.set_read_timeout(10, 0);
      while (flooding) {
        const std::string path = t % 2 ? "/connexion" : "/tableau?du=" + std::string(200, 'x');
        if (auto r = c.Get(path.c_str()); r) ++answered[static_cast<std::size_t>(t)];
      }
    });
  }
  while (answered[0] == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const auto start = std::chrono::steady_clock::now();
  auto page = claire.get("/tableau" + kRange);
  const auto took = std::chrono::steady_clock::now() - start;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto all_served = [&] {
    return std::all_of(answered.begin(), answered.end(), [](const auto& n) { return n >= 20; });
  };
  while (!all_served() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  flooding = false;
  for (auto& t : flood) t.join();
  for (int fd : idle) ::close(fd);
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("Attente par agence") != std::string::npos);
  int total = 0;
  for (const auto& n : answered) total += n;
  MESSAGE("page served in " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                            << " ms during the flood (" << total << " flood answers)");
  CHECK(took < std::chrono::seconds(3));
  CHECK(all_served());  // every flooding client was answered too, idle connections or not
}
