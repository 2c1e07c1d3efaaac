// What the voice says: numbers in French words and the call sentence.
#include <doctest/doctest.h>

#include "speech/announcement_text.h"
#include "speech/number_words.h"

using pcn::speech::announcement_text;
using pcn::speech::spell_number;

TEST_CASE("speech::spell_number writes French numbers with the traditional spelling") {
  const std::pair<int, const char*> table[] = {
      {0, "zéro"},
      {1, "un"},
      {7, "sept"},
      {10, "dix"},
      {16, "seize"},
      {17, "dix-sept"},
      {19, "dix-neuf"},
      {20, "vingt"},
      {21, "vingt et un"},
      {22, "vingt-deux"},
      {42, "quarante-deux"},
      {61, "soixante et un"},
      {70, "soixante-dix"},
      {71, "soixante et onze"},
      {72, "soixante-douze"},
      {77, "soixante-dix-sept"},
      {80, "quatre-vingts"},
      {81, "quatre-vingt-un"},
      {90, "quatre-vingt-dix"},
      {91, "quatre-vingt-onze"},
      {99, "quatre-vingt-dix-neuf"},
      {100, "cent"},
      {101, "cent un"},
      {180, "cent quatre-vingts"},
      {200, "deux cents"},
      {201, "deux cent un"},
      {371, "trois cent soixante et onze"},
      {999, "neuf cent quatre-vingt-dix-neuf"},
      {1000, "mille"},
      {1001, "mille un"},
      {1980, "mille neuf cent quatre-vingts"},
      {2026, "deux mille vingt-six"},
      {2200, "deux mille deux cents"},
      {9999, "neuf mille neuf cent quatre-vingt-dix-neuf"},
  };
  for (const auto& [n, words] : table) {
    CAPTURE(n);
    CHECK(spell_number(n) == words);
  }
}

TEST_CASE("speech::spell_number outside 0..9999 gives the digits") {
  CHECK(spell_number(-3) == "-3");
  CHECK(spell_number(10000) == "10000");
}

TEST_CASE("speech::announcement_text says the letter, the number in words and the counter") {
  CHECK(announcement_text({"C-042", 2, "Guichet 2"}) == "Numéro C quarante-deux, guichet deux");
  CHECK(announcement_text({"A-001", 1, ""}) == "Numéro A un, guichet un");
  CHECK(announcement_text({"B-180", 11, ""}) == "Numéro B cent quatre-vingts, guichet onze");
  CHECK(announcement_text({"P-000", 3, ""}) == "Numéro P zéro, guichet trois");
}

TEST_CASE("speech::announcement_text of a ticket without letter or digits") {
  CHECK(announcement_text({"071", 21, ""}) == "Numéro soixante et onze, guichet vingt et un");
  CHECK(announcement_text({"VIP", 4, ""}) == "Numéro VIP, guichet quatre");
}
