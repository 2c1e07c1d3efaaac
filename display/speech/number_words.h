// French number words for the voice: 42 → "quarante-deux".
#pragma once

#include <string>

namespace pcn::speech {

/// The French words for `n`, with the traditional spelling used in France and New Caledonia
/// (hyphens only between words below one hundred, "et" in 21…71, plural "quatre-vingts" and
/// "deux cents" when nothing follows): 71 "soixante et onze", 80 "quatre-vingts",
/// 201 "deux cent un", 1980 "mille neuf cent quatre-vingts".
/// REQUIRES: 0 <= n <= 9999; outside that range returns the digits ("12345").
std::string spell_number(int n);

}  // namespace pcn::speech
