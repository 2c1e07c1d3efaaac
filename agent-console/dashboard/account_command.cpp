#include "dashboard/account_command.h"

#include "central/central_schema.h"
#include "dashboard/accounts.h"
#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

int fail(std::ostream& err, const util::Error& e) {
  err << "pcn-central : " << e.message << "\n";
  return e.code == "central_db" ? 1 : 2;
}

util::Result<Account> account_of(const AccountRequest& r) {
  auto role = role_from(r.role);
  if (!role) return util::make_error("bad_request", text::dash_bad_role(r.role));
  Account a{r.login, r.name, *role, "", false};
  if (*role == Role::agence) a.scope = r.agency;
  if (*role == Role::partenaire) a.scope = r.partner;
  if (*role != Role::agence && !r.agency.empty()) {
    return util::make_error("bad_request", text::dash_option_for_role("--agency", "agence"));
  }
  if (*role != Role::partenaire && !r.partner.empty()) {
    return util::make_error("bad_request", text::dash_option_for_role("--partner", "partenaire"));
  }
  PCN_TRY(check_account(a));
  return a;
}

}  // namespace

int run_account_command(const central::CentralConfig& config, const AccountRequest& r,
                        std::istream& in, std::ostream& out, std::ostream& err) {
  util::Result<Account> account = Account{};
  if (r.action == "add") {
    account = account_of(r);
    if (!account.ok()) return fail(err, account.error());
  }
  auto db = central::PgConnection::open(config.database);
  if (!db.ok()) return fail(err, db.error());
  if (auto migrated = central::migrate(*db); !migrated.ok()) return fail(err, migrated.error());
  if (r.action == "add") {
    std::string password;
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (auto made = create_account(*db, *account, password); !made.ok()) return fail(err, made.error());
    out << text::dash_account_created(account->login, std::string(to_string(account->role)),
                                      account->scope)
        << "\n";
    return 0;
  }
  if (r.action == "disable") {
    if (auto done = disable_account(*db, r.login); !done.ok()) return fail(err, done.error());
    out << text::dash_account_disabled(r.login) << "\n";
    return 0;
  }
  auto accounts = list_accounts(*db);
  if (!accounts.ok()) return fail(err, accounts.error());
  for (const Account& a : *accounts) {
    out << a.login << "\t" << a.full_name << "\t" << to_string(a.role) << "\t"
        << (a.scope.empty() ? "-" : a.scope) << "\t"
        << (a.disabled ? text::dash_account_state_disabled() : text::dash_account_state_enabled())
        << "\n";
  }
  if (accounts->empty()) out << text::dash_no_accounts() << "\n";
  return 0;
}

}  // namespace pcn::dashboard
