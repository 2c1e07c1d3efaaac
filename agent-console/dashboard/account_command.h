// `pcn-central account add|disable|list`: the dashboard's accounts (dashboard/accounts.h).
//   add --login L --name "Prénom Nom" --role coordination|agence|partenaire
//       [--agency ID] [--partner CODE]     the password is read from the first line of stdin
//   disable --login L                      ends its sessions too
//   list                                   login, name, role, scope, state
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "central/central_config.h"

namespace pcn::dashboard {

struct AccountRequest {
  std::string action;  ///< "add", "disable", "list"
  std::string login;
  std::string name;
  std::string role;
  std::string agency;
  std::string partner;
};

/// 0 on success; 2 for a bad request (French message on `err`), 1 when the database fails.
int run_account_command(const central::CentralConfig& config, const AccountRequest& request,
                        std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace pcn::dashboard
