// Key files on disk. Each key pair NAME has two small TOML files in one folder:
//   NAME.key  (mode 0600, secret) — a French comment header saying it is secret, then
//             name = "NAME", role = "ROLE", public = "<Z85>", secret = "<Z85>"
//   NAME.pub  (public, may be copied anywhere) — name, role and public only.
// Values are plain double-quoted strings (Z85 never contains '"' or '\'); '#' starts a comment.
#pragma once

#include <filesystem>
#include <string>

#include "net/curve_keys.h"
#include "util/result.h"

namespace pcn::net {

/// folder/NAME.key and folder/NAME.pub.
std::filesystem::path secret_key_path(const std::filesystem::path& folder, const std::string& name);
std::filesystem::path public_key_path(const std::filesystem::path& folder, const std::string& name);

/// Writes NAME.key (mode 0600) and NAME.pub into `folder`, which must exist.
/// Never overwrites: if either file exists, nothing is written and the error ("key_exists") names
/// it. Fails with "invalid_name" / "bad_key_file" when `pair` is not a valid pair with its secret,
/// and with "io_error" when a file cannot be written (a half-written pair is removed).
util::Status write_key_pair(const KeyPair& pair, const std::filesystem::path& folder);

/// Writes only the public file (name, role, public) at `file`, e.g. a copy in the allow-list
/// folder. Never overwrites ("key_exists"); other failures as write_key_pair.
util::Status write_public_key_file(const KeyPair& pair, const std::filesystem::path& file);

/// Reads and validates a .key or .pub file: name [a-z0-9-]{1,32}, a role from roles.h, Z85 keys of
/// 40 characters decoding to 32 bytes, a secret that matches the public key, a secret present in a
/// .key file and absent from a .pub file. Errors ("io_error", "bad_key_file") name the file and
/// the entry at fault. The returned secret_key is empty for a .pub file.
util::Result<KeyPair> read_key_file(const std::filesystem::path& file);

}  // namespace pcn::net
