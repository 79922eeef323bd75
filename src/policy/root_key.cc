#include "policy/root_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>

namespace kontor::policy {
namespace {

Status write_new_key(const std::filesystem::path& path, const KeyPair& key) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return unavailable(path.string() + ": cannot create: " + std::strerror(errno));
  const std::string line = base64url(key.seed) + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) return internal_error(path.string() + ": short write");
  return ok_status();
}

}  // namespace

StatusOr<KeyPair> load_root_key(const std::filesystem::path& folder) {
  const std::filesystem::path path = folder / kRootKeyFile;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return not_found(path.string() + ": no root key yet");
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(info.st_mode & 0777));
    return failed_precondition(path.string() + ": readable by others (mode " + mode +
                               "); chmod 600 it");
  }
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return data_loss(path.string() + ": empty");
  std::string seed_bytes(line.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(seed_bytes.data()), seed_bytes.size(),
                        line.data(), line.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length != 32) {
    return data_loss(path.string() + ": line 1: not a base64url 32-byte seed");
  }
  Seed seed{};
  std::memcpy(seed.data(), seed_bytes.data(), 32);
  sodium_memzero(seed_bytes.data(), seed_bytes.size());
  return KeyPair::from_seed(seed);
}

StatusOr<KeyPair> load_or_create_root_key(const std::filesystem::path& folder) {
  auto loaded = load_root_key(folder);
  if (loaded.ok() || loaded.status().code() != StatusCode::kNotFound) return loaded;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return unavailable(folder.string() + ": cannot create: " + error.message());
  KeyPair key = KeyPair::generate();
  Status written = write_new_key(folder / kRootKeyFile, key);
  if (written.code() == StatusCode::kUnavailable &&
      std::filesystem::exists(folder / kRootKeyFile)) {
    return load_root_key(folder);  // another process created it first
  }
  RETURN_IF_ERROR(written);
  return key;
}

}  // namespace kontor::policy
