#include "cli/context.h"

#include <cstdio>

namespace kontor::cli {

StatusOr<std::shared_ptr<const refdata::ReferenceData>> Context::data() {
  if (!data_) {
    ASSIGN_OR_RETURN(data_, refdata::ReferenceData::load(refdata::DataPaths::from_environment()));
  }
  return data_;
}

int Context::fail(const Status& status) const {
  std::fprintf(stderr, "kontor: error: %s\n", status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

}  // namespace kontor::cli
