#include "net/key_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include "net/os_error.h"
#include "net/roles.h"
#include "text/catalog.h"

namespace pcn::net {

namespace fs = std::filesystem;

namespace {

constexpr mode_t kSecretMode = 0600;
constexpr mode_t kPublicMode = 0644;
constexpr std::array<std::string_view, 4> kEntries = {"name", "role", "public", "secret"};

using Entries = std::map<std::string, std::string, std::less<>>;

/// Owns a POSIX file descriptor.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  /// Closes now and reports close()'s errno (0 on success).
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

util::Error write_error(const fs::path& file, int errnum) {
  return util::make_error("io_error",
                          text::key_file_unwritable(file.string(), os_error_text(errnum)));
}

util::Error bad_file(std::string message) {
  return util::make_error("bad_key_file", std::move(message));
}

/// 0 when all of `content` reached the disk, else an errno.
int write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

/// Creates `file` with `mode` and `content`; never replaces an existing file.
util::Status create_file(const fs::path& file, std::string_view content, mode_t mode) {
  FileDescriptor fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
  if (!fd.valid() && errno == EEXIST) {
    return util::make_error("key_exists", text::key_file_exists(file.string()));
  }
  if (!fd.valid()) return write_error(file, errno);
  int errnum = ::fchmod(fd.get(), mode) == 0 ? 0 : errno;  // the umask may have narrowed it
  if (errnum == 0) errnum = write_all(fd.get(), content);
  const int close_errnum = fd.close();
  if (errnum == 0) errnum = close_errnum;
  if (errnum == 0) return {};
  ::unlink(file.c_str());
  return write_error(file, errnum);
}

std::string comment_block(const std::string& sentences) {
  std::string out;
  std::istringstream lines(sentences);
  for (std::string line; std::getline(lines, line);) out += "# " + line + "\n";
  return out;
}

std::string entry_line(std::string_view key, const std::string& value) {
  return std::string(key) + " = \"" + value + "\"\n";
}

std::string public_text(const KeyPair& pair) {
  return comment_block(text::key_file_public_header(pair.name)) + entry_line("name", pair.name) +
         entry_line("role", pair.role) + entry_line("public", pair.public_key);
}

std::string secret_text(const KeyPair& pair) {
  return comment_block(text::key_file_secret_header(pair.name)) + entry_line("name", pair.name) +
         entry_line("role", pair.role) + entry_line("public", pair.public_key) +
         entry_line("secret", pair.secret_key);
}

bool file_exists(const fs::path& file) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(file, ec));
}

// --- validation, shared by the reader and the writers ---

util::Status check_pair(const KeyPair& pair, const fs::path& file) {
  const std::string where = file.string();
  if (!is_valid_name(pair.name)) return bad_file(text::key_file_bad_name(where, pair.name));
  if (!is_key_role(pair.role)) return bad_file(text::key_file_bad_role(where, pair.role));
  if (!decode_z85_key(pair.public_key)) return bad_file(text::key_file_bad_key(where, "public"));
  if (!pair.has_secret()) return {};
  const auto derived = public_key_of(pair.secret_key);
  if (!derived) return bad_file(text::key_file_bad_key(where, "secret"));
  if (*derived != pair.public_key) return bad_file(text::key_file_mismatch(where));
  return {};
}

/// The secret must be in a .key file and never in a .pub file.
util::Status check_secret_placement(const KeyPair& pair, const fs::path& file) {
  if (file.extension() == ".key" && !pair.has_secret()) {
    return bad_file(text::key_file_secret_missing(file.string()));
  }
  if (file.extension() == ".pub" && pair.has_secret()) {
    return bad_file(text::public_file_has_secret(file.string()));
  }
  return {};
}

// --- parsing ---

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

struct Line {
  std::string key;  ///< empty for a blank or comment line
  std::string value;
};

/// One line of a key file; nullopt when it is not `key = "value"`, blank or a comment.
std::optional<Line> parse_line(std::string_view raw) {
  const std::string_view line = trim(raw);
  if (line.empty() || line.front() == '#') return Line{};
  const auto equals = line.find('=');
  if (equals == std::string_view::npos) return std::nullopt;
  const std::string_view key = trim(line.substr(0, equals));
  const std::string_view rest = trim(line.substr(equals + 1));
  if (key.empty() || rest.size() < 2 || rest.front() != '"') return std::nullopt;
  const auto close = rest.find('"', 1);
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view value = rest.substr(1, close - 1);
  const std::string_view tail = trim(rest.substr(close + 1));
  if (value.find('\\') != std::string_view::npos) return std::nullopt;
  if (!tail.empty() && tail.front() != '#') return std::nullopt;
  return Line{std::string(key), std::string(value)};
}

bool is_entry_name(std::string_view key) {
  return std::find(kEntries.begin(), kEntries.end(), key) != kEntries.end();
}

util::Result<Entries> parse_entries(const std::string& content, const fs::path& file) {
  Entries entries;
  std::istringstream lines(content);
  int number = 0;
  for (std::string raw; std::getline(lines, raw);) {
    ++number;
    const auto line = parse_line(raw);
    if (!line) return bad_file(text::key_file_bad_line(file.string(), number));
    if (line->key.empty()) continue;
    if (!is_entry_name(line->key)) {
      return bad_file(text::key_file_unknown_entry(file.string(), line->key));
    }
    if (!entries.emplace(line->key, line->value).second) {
      return bad_file(text::key_file_duplicate_entry(file.string(), line->key));
    }
  }
  return entries;
}

util::Result<KeyPair> pair_from(const Entries& entries, const fs::path& file) {
  for (const auto required : {"name", "role", "public"}) {
    if (!entries.contains(required)) {
      return bad_file(text::key_file_missing_entry(file.string(), required));
    }
  }
  KeyPair pair{entries.find("name")->second, entries.find("role")->second,
               entries.find("public")->second, ""};
  if (const auto secret = entries.find("secret"); secret != entries.end()) {
    pair.secret_key = secret->second;
  }
  return pair;
}

util::Result<std::string> read_content(const fs::path& file) {
  FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) {
    return util::make_error("io_error",
                            text::key_file_unreadable(file.string(), os_error_text(errno)));
  }
  std::string content;
  std::array<char, 4096> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return util::make_error("io_error",
                              text::key_file_unreadable(file.string(), os_error_text(errno)));
    }
    if (n == 0) return content;
    content.append(buffer.data(), static_cast<std::size_t>(n));
  }
}

}  // namespace

fs::path secret_key_path(const fs::path& folder, const std::string& name) {
  return folder / (name + ".key");
}

fs::path public_key_path(const fs::path& folder, const std::string& name) {
  return folder / (name + ".pub");
}

util::Status write_key_pair(const KeyPair& pair, const fs::path& folder) {
  if (!is_valid_name(pair.name)) {
    return util::make_error("invalid_name", text::invalid_key_name(pair.name));
  }
  const fs::path key_file = secret_key_path(folder, pair.name);
  const fs::path pub_file = public_key_path(folder, pair.name);
  PCN_TRY(check_pair(pair, key_file));
  PCN_TRY(check_secret_placement(pair, key_file));
  for (const auto& file : {key_file, pub_file}) {
    if (file_exists(file)) {
      return util::make_error("key_exists", text::key_file_exists(file.string()));
    }
  }
  PCN_TRY(create_file(key_file, secret_text(pair), kSecretMode));
  if (auto written = create_file(pub_file, public_text(pair), kPublicMode); !written.ok()) {
    ::unlink(key_file.c_str());
    return written;
  }
  return {};
}

util::Status write_public_key_file(const KeyPair& pair, const fs::path& file) {
  if (!is_valid_name(pair.name)) {
    return util::make_error("invalid_name", text::invalid_key_name(pair.name));
  }
  KeyPair public_only = pair;
  public_only.secret_key.clear();
  PCN_TRY(check_pair(public_only, file));
  return create_file(file, public_text(public_only), kPublicMode);
}

util::Result<KeyPair> read_key_file(const fs::path& file) {
  auto content = read_content(file);
  if (!content.ok()) return content.error();
  auto entries = parse_entries(*content, file);
  if (!entries.ok()) return entries.error();
  auto pair = pair_from(*entries, file);
  if (!pair.ok()) return pair.error();
  PCN_TRY(check_pair(*pair, file));
  PCN_TRY(check_secret_placement(*pair, file));
  return pair;
}

}  // namespace pcn::net
