#include "net/keygen.h"

#include <string_view>
#include <system_error>

#include "net/curve_keys.h"
#include "net/key_files.h"
#include "net/os_error.h"
#include "net/roles.h"
#include "text/catalog.h"

namespace pcn::net {

namespace fs = std::filesystem;

namespace {

using Paths = std::vector<fs::path>;

bool file_exists(const fs::path& file) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(file, ec));
}

util::Status ensure_folder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (!ec) return {};
  return util::make_error("io_error",
                          text::key_folder_uncreatable(folder.string(), os_error_text(ec.value())));
}

util::Status check_new(const std::string& name, const std::string& role) {
  if (!is_valid_name(name)) return util::make_error("invalid_name", text::invalid_key_name(name));
  if (!is_key_role(role)) return util::make_error("unknown_role", text::invalid_key_role(role));
  return {};
}

/// The files keygen writes for NAME: .key, .pub and, for a client role, the allow-list copy.
Paths files_of(const fs::path& folder, const std::string& name, const std::string& role) {
  Paths files{secret_key_path(folder, name), public_key_path(folder, name)};
  if (is_known_role(role)) files.push_back(public_key_path(allowed_folder(folder), name));
  return files;
}

void remove_files(const Paths& files) {
  std::error_code ec;
  for (const auto& file : files) fs::remove(file, ec);
}

/// Makes sure `file` holds the public key of `pair` (read from `key_file`): writes it when
/// missing, else checks it.
util::Status ensure_public_copy(const KeyPair& pair, const fs::path& key_file, const fs::path& file,
                                Paths& written) {
  if (!file_exists(file)) {
    PCN_TRY(write_public_key_file(pair, file));
    written.push_back(file);
    return {};
  }
  auto copy = read_key_file(file);
  if (!copy.ok()) return copy.error();
  if (copy->public_key != pair.public_key) {
    return util::make_error("stale_public_key",
                            text::key_file_stale_copy(file.string(), key_file.string()));
  }
  return {};
}

/// keygen_agency's step for one pair: create it, or complete it from its existing .key file.
util::Status ensure_pair(const fs::path& folder, const std::string& name, const std::string& role,
                         Paths& written) {
  const fs::path key_file = secret_key_path(folder, name);
  if (!file_exists(key_file)) {
    const fs::path pub_file = public_key_path(folder, name);
    if (file_exists(pub_file)) {
      return util::make_error("orphan_public_key", text::key_orphan_public(pub_file.string()));
    }
    auto made = keygen(folder, name, role);
    if (!made.ok()) return made.error();
    written.insert(written.end(), made->begin(), made->end());
    return {};
  }
  auto pair = read_key_file(key_file);
  if (!pair.ok()) return pair.error();
  PCN_TRY(ensure_public_copy(*pair, key_file, public_key_path(folder, name), written));
  if (!is_known_role(pair->role)) return {};
  return ensure_public_copy(*pair, key_file, public_key_path(allowed_folder(folder), name),
                            written);
}

}  // namespace

fs::path allowed_folder(const fs::path& folder) { return folder / "allowed"; }

util::Result<Paths> keygen(const fs::path& folder, const std::string& name,
                           const std::string& role) {
  PCN_TRY(check_new(name, role));
  const Paths files = files_of(folder, name, role);
  for (const auto& file : files) {
    if (file_exists(file)) {
      return util::make_error("key_exists", text::key_file_exists(file.string()));
    }
  }
  PCN_TRY(ensure_folder(is_known_role(role) ? allowed_folder(folder) : folder));
  auto pair = generate_key_pair(name, role);
  if (!pair.ok()) return pair.error();
  PCN_TRY(write_key_pair(*pair, folder));
  if (files.size() > 2) {
    if (auto listed = write_public_key_file(*pair, files[2]); !listed.ok()) {
      remove_files({files[0], files[1]});
      return listed.error();
    }
  }
  return files;
}

util::Result<Paths> keygen_agency(const fs::path& folder) {
  PCN_TRY(ensure_folder(allowed_folder(folder)));
  Paths written;
  const std::string hub(kHubRole);
  PCN_TRY(ensure_pair(folder, hub, hub, written));
  for (const std::string_view role : kClientRoles) {
    const std::string name(role);
    PCN_TRY(ensure_pair(folder, name, name, written));
  }
  return written;
}

}  // namespace pcn::net
