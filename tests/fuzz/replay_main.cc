// A stand-in for libFuzzer's main(), for compilers without libFuzzer (GCC, the CI test build):
// feeds the empty input and then every file of the directories and files named on the command
// line (directories are not descended into; files in name order) to the target's
// LLVMFuzzerTestOneInput, once each. The target's own checks (std::abort) and the sanitizers
// fail the run as they would fail a fuzzing run, and the last "replay:" line on stderr names
// the input that did it. CTest runs each target this way over tests/fuzz/corpus/<name>/ and
// tests/fuzz/regressions/<name>/ (tests/fuzz/CMakeLists.txt).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

int run_one(const std::string& input) {
  // A copy of exactly `size` bytes on the heap, as libFuzzer passes it: an overread is caught.
  std::vector<std::uint8_t> bytes(input.begin(), input.end());
  return LLVMFuzzerTestOneInput(bytes.empty() ? nullptr : bytes.data(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path path(argv[i]);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> files;
      for (const fs::directory_entry& entry : fs::directory_iterator(path, error)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      inputs.insert(inputs.end(), files.begin(), files.end());
    } else if (fs::is_regular_file(path, error)) {
      inputs.push_back(path);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or directory\n", argv[i]);
      return 2;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs (an empty corpus tests nothing)\n");
    return 2;
  }
  std::fprintf(stderr, "replay: (empty input)\n");
  run_one("");
  for (const fs::path& path : inputs) {
    std::string bytes;
    if (!read_file(path, bytes)) {
      std::fprintf(stderr, "replay: %s: cannot read\n", path.c_str());
      return 2;
    }
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), bytes.size());
    run_one(bytes);
  }
  std::printf("replay: %zu inputs, no finding\n", inputs.size() + 1);
  return 0;
}
