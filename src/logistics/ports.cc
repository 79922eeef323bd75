#include "logistics/ports.h"

namespace kontor::logistics {

struct PortDirectory::Impl {
  std::vector<FreightRegion> regions;
};

PortDirectory::PortDirectory() : impl_(std::make_shared<Impl>()) {}
StatusOr<PortDirectory> PortDirectory::load(const std::string&, const std::string&) {
  return unimplemented("PortDirectory::load");
}
const Port* PortDirectory::find_port(std::string_view, std::optional<CountryCode>) const {
  return nullptr;
}
const Airport* PortDirectory::find_airport(std::string_view) const { return nullptr; }
StatusOr<const FreightRegion*> PortDirectory::region(CountryCode) const {
  return unimplemented("PortDirectory::region");
}
StatusOr<PortCall> PortDirectory::port_of_loading(CountryCode, std::string_view) const {
  return unimplemented("port_of_loading");
}
StatusOr<PortCall> PortDirectory::port_of_discharge(CountryCode) const {
  return unimplemented("port_of_discharge");
}
std::optional<int> PortDirectory::sea_distance_nm(std::string_view, std::string_view, bool) const {
  return std::nullopt;
}
std::size_t PortDirectory::port_count() const { return 0; }
const std::vector<FreightRegion>& PortDirectory::regions() const { return impl_->regions; }

}  // namespace kontor::logistics
