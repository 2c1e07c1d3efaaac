// The dashboard's accounts and sessions, in the centre's PostgreSQL (web_accounts, web_sessions).
//
// Roles, enforced by the server for every page and download (dashboard/web_request.h):
//   coordination  every agency;
//   agence        its own agency only (scope = the agency's id);
//   partenaire    every agency, but only the visits with its partner (scope = the partner code).
// Passwords are kept as libsodium's crypto_pwhash_str (Argon2id, memory-hard: 3 passes over
// 32 MiB; one hash at a time in the process, so that logins cost at most 32 MiB together).
// A session is 32 random bytes given to the browser (base64url, cookie "pcn_session"); the
// database keeps only their BLAKE2b hash, with an expiry. Disabling an account ends its sessions.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "central/pg_connection.h"
#include "util/result.h"

namespace pcn::dashboard {

enum class Role { coordination, agence, partenaire };

std::string_view to_string(Role role);
std::optional<Role> role_from(std::string_view text);

struct Account {
  std::string login;      ///< [a-z0-9][a-z0-9._@-]{0,63}
  std::string full_name;  ///< 1–120 bytes
  Role role = Role::coordination;
  std::string scope{};    ///< agence: the agency's id; partenaire: the partner's code; else ""
  bool disabled = false;
};

inline constexpr std::size_t kMinPasswordBytes = 10;
inline constexpr std::size_t kMaxPasswordBytes = 256;

/// Checks the account's fields (login shape, name length, scope for the role). "bad_request".
util::Status check_account(const Account& account);

/// Creates `account` with `password` (kMinPasswordBytes..kMaxPasswordBytes). Fails with
/// "bad_request" (French) for a wrong field or an existing login, "central_db" otherwise.
util::Status create_account(const central::PgConnection& db, const Account& account,
                            const std::string& password);
/// Disables `login` and ends its sessions; "not_found" when there is no such account.
util::Status disable_account(const central::PgConnection& db, const std::string& login);
util::Result<std::vector<Account>> list_accounts(const central::PgConnection& db);

/// The enabled account whose password is `password`; nullopt for an unknown login, a disabled
/// account or a wrong password (the same time is spent hashing in every case).
util::Result<std::optional<Account>> check_password(const central::PgConnection& db,
                                                    const std::string& login,
                                                    const std::string& password);

/// Opens a session for `login`, valid `lifetime`; returns the browser's token.
util::Result<std::string> open_session(const central::PgConnection& db, const std::string& login,
                                       std::chrono::hours lifetime);
/// The account of a live session (not expired, account enabled); nullopt otherwise.
util::Result<std::optional<Account>> session_account(const central::PgConnection& db,
                                                     const std::string& token);
/// Ends the session (nothing when it does not exist); expired sessions are purged too.
util::Status close_session(const central::PgConnection& db, const std::string& token);

}  // namespace pcn::dashboard
