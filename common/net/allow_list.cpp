#include "net/allow_list.h"

#include <algorithm>
#include <cstring>
#include <system_error>
#include <vector>

#include "net/key_files.h"
#include "net/os_error.h"
#include "net/roles.h"
#include "text/catalog.h"

namespace pcn::net {

namespace fs = std::filesystem;

namespace {

util::Error folder_error(const fs::path& folder, const std::error_code& ec) {
  return util::make_error("io_error",
                          text::allow_list_unreadable(folder.string(), os_error_text(ec.value())));
}

/// The *.pub files directly in `folder`, sorted so that errors are reproducible.
util::Result<std::vector<fs::path>> public_files(const fs::path& folder) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) return folder_error(folder, ec);
  std::vector<fs::path> files;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".pub") files.push_back(it->path());
  }
  if (ec) return folder_error(folder, ec);
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<RawKey> raw_key(std::string_view key) {
  if (key.size() != RawKey().size()) return decode_z85_key(key);
  RawKey raw{};
  std::memcpy(raw.data(), key.data(), raw.size());
  return raw;
}

}  // namespace

util::Result<AllowList> AllowList::load(const fs::path& folder, RoleFilter roles) {
  auto files = public_files(folder);
  if (!files.ok()) return files.error();
  AllowList list(roles);
  for (const auto& file : *files) {
    auto client = read_key_file(file);
    if (!client.ok()) return client.error();
    PCN_TRY(list.add(*client, file.string()));
  }
  return list;
}

util::Status AllowList::add(const KeyPair& client, const std::string& source) {
  if (!is_valid_name(client.name)) {
    return util::make_error("bad_key_file", text::key_file_bad_name(source, client.name));
  }
  if (!roles_(client.role)) {
    return util::make_error("bad_key_file", roles_ == is_agency_role
                                                ? text::allow_list_not_agency(source, client.role)
                                                : text::allow_list_not_client(source, client.role));
  }
  const auto key = decode_z85_key(client.public_key);
  if (!key) return util::make_error("bad_key_file", text::key_file_bad_key(source, "public"));
  if (const auto same = by_key_.find(*key); same != by_key_.end()) {
    return util::make_error("duplicate_key",
                            text::allow_list_duplicate_key(source, same->second.source));
  }
  if (const auto same = source_by_name_.find(client.name); same != source_by_name_.end()) {
    return util::make_error("duplicate_key", text::allow_list_duplicate_name(source, same->second));
  }
  by_key_.emplace(*key, Entry{ClientIdentity{client.name, client.role}, source});
  source_by_name_.emplace(client.name, source);
  return {};
}

const ClientIdentity* AllowList::find(std::string_view public_key) const {
  const auto key = raw_key(public_key);
  if (!key) return nullptr;
  const auto found = by_key_.find(*key);
  return found == by_key_.end() ? nullptr : &found->second.identity;
}

}  // namespace pcn::net
