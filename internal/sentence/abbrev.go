package sentence

type abbrKind uint8

const (
	abbrNone      abbrKind = iota
	abbrTitle              // precedes a name: never ends a sentence
	abbrNumber             // precedes a number: "No. 5", "Jan. 20"
	abbrInitial            // a single capital: "J. K."
	abbrAmbiguous          // may end a sentence: "U.S.", "Inc.", "Jr."
)

// abbrevs are the abbreviations news copy uses (AP style: titles, months,
// states, company suffixes). The word is given without its final stop.
var abbrevs = map[string]abbrKind{
	// titles and ranks
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle, "Mmes": abbrTitle,
	"Dr": abbrTitle, "Prof": abbrTitle, "Rev": abbrTitle, "Fr": abbrTitle, "Hon": abbrTitle,
	"Gen": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle,
	"Cmdr": abbrTitle, "Cdr": abbrTitle, "Adm": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle,
	"Pvt": abbrTitle, "Brig": abbrTitle, "Gov": abbrTitle, "Sen": abbrTitle, "Sens": abbrTitle,
	"Rep": abbrTitle, "Reps": abbrTitle, "Pres": abbrTitle, "Supt": abbrTitle, "Det": abbrTitle,
	"Insp": abbrTitle, "Atty": abbrTitle, "Amb": abbrTitle, "Sec": abbrTitle, "Gens": abbrTitle,
	"Lt.Gen": abbrTitle, "Lt.Col": abbrTitle, "Mt": abbrTitle, "Ft": abbrTitle, "St": abbrTitle,
	"vs": abbrTitle, "v": abbrTitle, "Vs": abbrTitle, "cf": abbrTitle,
	// before numbers
	"No": abbrNumber, "Nos": abbrNumber, "no": abbrNumber, "Art": abbrNumber, "Vol": abbrNumber,
	"pp": abbrNumber, "p": abbrNumber, "Fig": abbrNumber, "Ch": abbrNumber, "Sect": abbrNumber,
	"Jan": abbrNumber, "Feb": abbrNumber, "Mar": abbrNumber, "Apr": abbrNumber, "Jun": abbrNumber,
	"Jul": abbrNumber, "Aug": abbrNumber, "Sep": abbrNumber, "Sept": abbrNumber, "Oct": abbrNumber,
	"Nov": abbrNumber, "Dec": abbrNumber, "approx": abbrNumber, "ca": abbrNumber, "est": abbrNumber,
	"Rt": abbrNumber, "Hwy": abbrNumber,
	// may close a sentence
	"Inc": abbrAmbiguous, "Corp": abbrAmbiguous, "Co": abbrAmbiguous, "Ltd": abbrAmbiguous,
	"Bros": abbrAmbiguous, "Jr": abbrAmbiguous, "Sr": abbrAmbiguous, "Esq": abbrAmbiguous,
	"etc": abbrAmbiguous, "al": abbrAmbiguous, "Ave": abbrAmbiguous, "Blvd": abbrAmbiguous,
	"Rd": abbrAmbiguous, "Dept": abbrAmbiguous, "Univ": abbrAmbiguous, "Assn": abbrAmbiguous,
	"Ala": abbrAmbiguous, "Ariz": abbrAmbiguous, "Ark": abbrAmbiguous, "Calif": abbrAmbiguous,
	"Colo": abbrAmbiguous, "Conn": abbrAmbiguous, "Del": abbrAmbiguous, "Fla": abbrAmbiguous,
	"Ga": abbrAmbiguous, "Ill": abbrAmbiguous, "Ind": abbrAmbiguous, "Kan": abbrAmbiguous,
	"Ky": abbrAmbiguous, "La": abbrAmbiguous, "Md": abbrAmbiguous, "Mass": abbrAmbiguous,
	"Mich": abbrAmbiguous, "Minn": abbrAmbiguous, "Miss": abbrAmbiguous, "Mo": abbrAmbiguous,
	"Mont": abbrAmbiguous, "Neb": abbrAmbiguous, "Nev": abbrAmbiguous, "Okla": abbrAmbiguous,
	"Ore": abbrAmbiguous, "Pa": abbrAmbiguous, "Tenn": abbrAmbiguous, "Tex": abbrAmbiguous,
	"Va": abbrAmbiguous, "Vt": abbrAmbiguous, "Wash": abbrAmbiguous, "Wis": abbrAmbiguous,
	"Wyo": abbrAmbiguous, "Gov't": abbrAmbiguous,
}

// abbrevClass classifies the word a full stop closes (without the stop).
func abbrevClass(w string) abbrKind {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return abbrInitial
	}
	if k, ok := abbrevs[w]; ok {
		return k
	}
	if dotted(w) {
		return abbrAmbiguous
	}
	return abbrNone
}

// dotted reports whether w looks like "U.S", "p.m", "D.C", "Ph.D": short
// letter groups joined by stops.
func dotted(w string) bool {
	dots, run := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			dots++
			run = 0
		case isLetterByte(c):
			run++
			if run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

// openers are words that commonly start a news sentence; after an ambiguous
// abbreviation they tip the decision to a boundary.
var openers = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "His": true, "Her": true, "Its": true, "Their": true,
	"Our": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"Here": true, "But": true, "And": true, "Or": true, "So": true, "Yet": true, "In": true,
	"On": true, "At": true, "For": true, "With": true, "By": true, "From": true, "As": true,
	"If": true, "When": true, "While": true, "After": true, "Before": true, "Although": true,
	"Though": true, "Since": true, "Because": true, "Some": true, "Many": true, "Most": true,
	"Still": true, "Also": true, "However": true, "Meanwhile": true, "Now": true, "Then": true,
	"What": true, "Who": true, "Why": true, "How": true, "Where": true, "Which": true,
	"Last": true, "Next": true, "Earlier": true, "Later": true, "Officials": true, "Police": true,
	"Asked": true, "According": true, "Both": true, "Each": true, "No": true, "Not": true,
	"Such": true, "Under": true, "Over": true, "During": true, "Despite": true,
}

func isOpener(w string) bool { return openers[w] }
