package nlp

// Load returns the embedded rule pack's analyzer when path is empty, or an
// analyzer for the rule pack file at path.
func Load(path string) (*Analyzer, error) {
	if path == "" {
		return Default()
	}
	pack, err := LoadRulePack(path)
	if err != nil {
		return nil, err
	}
	return New(pack)
}
