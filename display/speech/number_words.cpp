#include "speech/number_words.h"

#include <array>
#include <string_view>

namespace pcn::speech {
namespace {

constexpr std::array<std::string_view, 17> k_units = {
    "zéro", "un",   "deux",  "trois",    "quatre", "cinq",  "six",   "sept", "huit",
    "neuf", "dix",  "onze",  "douze",    "treize", "quatorze", "quinze", "seize"};

constexpr std::array<std::string_view, 7> k_tens = {
    "", "", "vingt", "trente", "quarante", "cinquante", "soixante"};

std::string units(int n) { return std::string(k_units[static_cast<std::size_t>(n)]); }

std::string below_hundred(int n);

/// 60…79 and 80…99 count from soixante / quatre-vingt plus 0…19.
std::string score_based(int n) {
  const bool seventies = n < 80;
  const std::string base = seventies ? "soixante" : "quatre-vingt";
  const int rest = n - (seventies ? 60 : 80);
  if (rest == 0) return seventies ? base : base + "s";
  if (seventies && rest == 11) return base + " et onze";
  return base + "-" + below_hundred(rest);
}

std::string below_hundred(int n) {
  if (n <= 16) return units(n);
  if (n < 20) return "dix-" + units(n - 10);
  if (n >= 70) return score_based(n);
  const std::string tens(k_tens[static_cast<std::size_t>(n / 10)]);
  const int unit = n % 10;
  if (unit == 0) return tens;
  if (unit == 1) return tens + " et un";
  return tens + "-" + units(unit);
}

/// REQUIRES: 1 <= n <= 999.
std::string below_thousand(int n) {
  const int hundreds = n / 100;
  const int rest = n % 100;
  if (hundreds == 0) return below_hundred(rest);
  std::string words = hundreds == 1 ? "cent" : units(hundreds) + " cent";
  if (rest == 0) return hundreds == 1 ? words : words + "s";
  return words + " " + below_hundred(rest);
}

}  // namespace

std::string spell_number(int n) {
  if (n < 0 || n > 9999) return std::to_string(n);
  if (n == 0) return units(0);
  const int thousands = n / 1000;
  const int rest = n % 1000;
  if (thousands == 0) return below_thousand(rest);
  std::string words = thousands == 1 ? "mille" : units(thousands) + " mille";
  if (rest == 0) return words;
  return words + " " + below_thousand(rest);
}

}  // namespace pcn::speech
