// The sentence said for a call: "Numéro C quarante-deux, guichet deux".
#pragma once

#include <string>

#include "speech/announcer.h"

namespace pcn::speech {

/// The French sentence for `a`, from the text catalog: the ticket's letters said as letters, its
/// number in words without leading zeros ("C-042" → "C quarante-deux"), then the counter number
/// in words. A ticket without digits is said as written.
std::string announcement_text(const Announcement& a);

}  // namespace pcn::speech
