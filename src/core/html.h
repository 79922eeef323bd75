// HTML text escaping shared by every renderer (trade documents, case reports): the five
// characters with a meaning in HTML text and attribute values become entities.
#pragma once

#include <string>
#include <string_view>

namespace kontor {

std::string escape_html(std::string_view text);

}  // namespace kontor
