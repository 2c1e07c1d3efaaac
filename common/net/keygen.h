// The `keygen` command's logic, shared by the programs: making key pairs for an agency.
// Layout of a keys folder (the hub's, or a client machine's):
//   FOLDER/NAME.key, FOLDER/NAME.pub   — one pair per program (see key_files.h)
//   FOLDER/allowed/NAME.pub            — the hub's allow-list: client public keys it admits
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace pcn::net {

/// FOLDER/allowed, the folder AllowList::load reads on the hub.
std::filesystem::path allowed_folder(const std::filesystem::path& folder);

/// Makes a new pair NAME (role ROLE) in `folder` (created if missing). For a client role, also
/// puts a copy of NAME.pub in allowed_folder(folder); the "hub" pair is never put there.
/// Returns the files written. Refuses ("key_exists", nothing written) when NAME.key, NAME.pub or
/// the allow-list copy already exists; fails with "invalid_name", "unknown_role" or "io_error".
util::Result<std::vector<std::filesystem::path>> keygen(const std::filesystem::path& folder,
                                                        const std::string& name,
                                                        const std::string& role);

/// First-run set-up of an agency: the pairs hub, kiosk, display, agent and supervisor (each named
/// after its role), the four client ones on the allow-list. Idempotent: an existing NAME.key is
/// kept and only missing files (NAME.pub, the allowed/ copy) are rewritten from it. Returns the
/// files written (empty when everything was there). Fails when an existing file is invalid, or
/// when NAME.pub exists without NAME.key ("orphan_public_key": its secret is lost).
util::Result<std::vector<std::filesystem::path>> keygen_agency(const std::filesystem::path& folder);

}  // namespace pcn::net
