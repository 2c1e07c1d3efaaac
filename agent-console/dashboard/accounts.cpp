#include "dashboard/accounts.h"

#include <sodium.h>

#include <array>
#include <mutex>
#include <regex>

#include "queue/outcome.h"
#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

using central::PgConnection;

constexpr unsigned long long kOpsLimit = 3;
constexpr std::size_t kMemLimit = 32u << 20;
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxTokenChars = 64;

std::mutex& hashing() {
  static std::mutex m;
  return m;
}

void ensure_sodium() {
  static const int ready = sodium_init();
  (void)ready;
}

std::string token_hash(const std::string& token) {
  ensure_sodium();
  std::array<unsigned char, 32> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
  return hex;
}

bool is_agency_id(const std::string& id) {
  static const std::regex shape("^[a-z0-9][a-z0-9_-]{0,39}$");
  return std::regex_match(id, shape);
}

Account account_at(const central::PgRows& rows, int r) {
  Account a;
  a.login = rows.text(r, 0);
  a.full_name = rows.text(r, 1);
  a.role = role_from(rows.view(r, 2)).value_or(Role::coordination);
  a.scope = rows.text(r, 3);
  a.disabled = rows.view(r, 4) == "t";
  return a;
}

constexpr std::string_view kAccountColumns = "login, full_name, role, scope, disabled";

}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::coordination: return "coordination";
    case Role::agence: return "agence";
    case Role::partenaire: return "partenaire";
  }
  return "coordination";
}

std::optional<Role> role_from(std::string_view text) {
  for (Role r : {Role::coordination, Role::agence, Role::partenaire}) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

util::Status check_account(const Account& a) {
  static const std::regex login_shape("^[a-z0-9][a-z0-9._@-]{0,63}$");
  if (!std::regex_match(a.login, login_shape)) {
    return util::make_error("bad_request", text::dash_bad_login_shape(a.login));
  }
  if (a.full_name.empty() || a.full_name.size() > 120) {
    return util::make_error("bad_request", text::dash_bad_full_name());
  }
  switch (a.role) {
    case Role::coordination:
      if (!a.scope.empty()) return util::make_error("bad_request", text::dash_scope_not_wanted());
      break;
    case Role::agence:
      if (!is_agency_id(a.scope)) return util::make_error("bad_request", text::dash_scope_agency(a.scope));
      break;
    case Role::partenaire:
      if (!queue::OutcomeLists::is_code(a.scope)) {
        return util::make_error("bad_request", text::dash_scope_partner(a.scope));
      }
      break;
  }
  return util::Status::success();
}

util::Status create_account(const PgConnection& db, const Account& a, const std::string& password) {
  PCN_TRY(check_account(a));
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    return util::make_error("bad_request", text::dash_bad_password_length(kMinPasswordBytes,
                                                                          kMaxPasswordBytes));
  }
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  {
    std::lock_guard<std::mutex> lock(hashing());
    if (crypto_pwhash_str(hash, password.data(), password.size(), kOpsLimit, kMemLimit) != 0) {
      return util::make_error("io_error", text::dash_hash_failed());
    }
  }
  auto done = db.exec("INSERT INTO web_accounts (login, full_name, role, scope, password_hash) "
                      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login) DO NOTHING",
                      {a.login, a.full_name, std::string(to_string(a.role)), a.scope, hash},
                      text::dash_db_accounts());
  if (!done.ok()) return done.error();
  if (done->affected() == 0) return util::make_error("bad_request", text::dash_login_taken(a.login));
  return util::Status::success();
}

util::Status disable_account(const PgConnection& db, const std::string& login) {
  auto tx = central::PgTransaction::begin(db);
  if (!tx.ok()) return tx.error();
  auto done = db.exec("UPDATE web_accounts SET disabled = true WHERE login = $1", {login},
                      text::dash_db_accounts());
  if (!done.ok()) return done.error();
  if (done->affected() == 0) return util::make_error("not_found", text::dash_no_such_login(login));
  PCN_TRY(db.exec("DELETE FROM web_sessions WHERE login = $1", {login}, text::dash_db_accounts()));
  return tx->commit();
}

util::Result<std::vector<Account>> list_accounts(const PgConnection& db) {
  auto rows = db.exec("SELECT " + std::string(kAccountColumns) + " FROM web_accounts ORDER BY login",
                      {}, text::dash_db_accounts());
  if (!rows.ok()) return rows.error();
  std::vector<Account> accounts;
  for (int r = 0; r < rows->size(); ++r) accounts.push_back(account_at(*rows, r));
  return accounts;
}

util::Result<std::optional<Account>> check_password(const PgConnection& db,
                                                    const std::string& login,
                                                    const std::string& password) {
  ensure_sodium();
  // A hash to check against when the login is unknown, so that it takes as long.
  static const std::string decoy = [] {
    char h[crypto_pwhash_STRBYTES] = "";
    if (crypto_pwhash_str(h, "x", 1, kOpsLimit, kMemLimit) != 0) return std::string();
    return std::string(h);
  }();
  std::optional<Account> account;
  std::string hash = decoy;
  if (login.size() <= 64 && password.size() <= kMaxPasswordBytes) {
    auto rows = db.exec("SELECT " + std::string(kAccountColumns) +
                            ", password_hash FROM web_accounts WHERE login = $1",
                        {login}, text::dash_db_accounts());
    if (!rows.ok()) return rows.error();
    if (rows->size() == 1) {
      account = account_at(*rows, 0);
      hash = rows->text(0, 5);
    }
  }
  bool good = false;
  {
    std::lock_guard<std::mutex> lock(hashing());
    good = crypto_pwhash_str_verify(hash.c_str(), password.data(),
                                    std::min(password.size(), kMaxPasswordBytes)) == 0;
  }
  if (!good || !account || account->disabled || password.size() > kMaxPasswordBytes) {
    return std::optional<Account>{};
  }
  return account;
}

util::Result<std::string> open_session(const PgConnection& db, const std::string& login,
                                       std::chrono::hours lifetime) {
  ensure_sodium();
  std::array<unsigned char, kTokenBytes> raw{};
  randombytes_buf(raw.data(), raw.size());
  char token[kMaxTokenChars];
  sodium_bin2base64(token, sizeof token, raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  auto done = db.exec("INSERT INTO web_sessions (token_hash, login, expires_at) "
                      "VALUES ($1, $2, now() + make_interval(hours => $3::integer))",
                      {token_hash(token), login, std::to_string(lifetime.count())},
                      text::dash_db_sessions());
  if (!done.ok()) return done.error();
  return std::string(token);
}

util::Result<std::optional<Account>> session_account(const PgConnection& db,
                                                     const std::string& token) {
  if (token.empty() || token.size() >= kMaxTokenChars) return std::optional<Account>{};
  auto rows = db.exec("SELECT a.login, a.full_name, a.role, a.scope, a.disabled "
                      "FROM web_sessions s JOIN web_accounts a USING (login) "
                      "WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT a.disabled",
                      {token_hash(token)}, text::dash_db_sessions());
  if (!rows.ok()) return rows.error();
  if (rows->size() == 0) return std::optional<Account>{};
  return std::optional<Account>{account_at(*rows, 0)};
}

util::Status close_session(const PgConnection& db, const std::string& token) {
  if (!token.empty() && token.size() < kMaxTokenChars) {
    PCN_TRY(db.exec("DELETE FROM web_sessions WHERE token_hash = $1", {token_hash(token)},
                    text::dash_db_sessions()));
  }
  PCN_TRY(db.exec("DELETE FROM web_sessions WHERE expires_at <= now()", {},
                  text::dash_db_sessions()));
  return util::Status::success();
}

}  // namespace pcn::dashboard
