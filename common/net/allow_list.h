// The hub's allow-list: which client public keys may connect, and who they are.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "net/curve_keys.h"
#include "net/roles.h"
#include "util/result.h"

namespace pcn::net {

/// Who a connected client is, from its key file: e.g. {"kiosk-2", "kiosk"}.
struct ClientIdentity {
  std::string name;
  std::string role;  ///< a client role (roles.h)

  bool operator==(const ClientIdentity&) const = default;
};

/// The set of admitted client keys, each with the identity it proves. Cheap to move; copyable.
class AllowList {
 public:
  /// An empty list: admits nobody. `roles`: the client roles it may hold (the hub's by default;
  /// the centre's list holds agency keys only).
  explicit AllowList(RoleFilter roles = is_known_role) : roles_(roles) {}

  /// Reads every *.pub file directly in `folder` (other files are ignored). Fails ("io_error")
  /// when the folder cannot be read, ("bad_key_file") naming the first malformed file or a file
  /// whose role is not a client role, ("duplicate_key") when two files carry the same public key
  /// or the same name, naming both.
  static util::Result<AllowList> load(const std::filesystem::path& folder,
                                      RoleFilter roles = is_known_role);

  /// Whether `role` is one this list may hold.
  bool admits_role(std::string_view role) const { return roles_(role); }

  /// Adds one client. Fails ("duplicate_key") when its key or name is already listed,
  /// ("bad_key_file") when its name is invalid, its role is not a client role or its key is not
  /// a Z85 key.
  /// `source` names where the key came from, for error messages.
  util::Status add(const KeyPair& client, const std::string& source);

  /// The client owning `public_key`, given as 40 Z85 characters or as the 32 raw bytes (the form
  /// ZAP credentials carry); nullptr when it is not listed or not a key. The pointer stays valid
  /// until this list is modified or destroyed.
  const ClientIdentity* find(std::string_view public_key) const;

  std::size_t size() const { return by_key_.size(); }
  bool empty() const { return by_key_.empty(); }

 private:
  struct Entry {
    ClientIdentity identity;
    std::string source;
  };
  RoleFilter roles_;
  std::map<RawKey, Entry> by_key_;
  std::map<std::string, std::string, std::less<>> source_by_name_;
};

}  // namespace pcn::net
