package timeline

// SetChunk makes the lists of an empty timeline keep at most n entries in
// a chunk, so that tests of small timelines exercise lists of many chunks.
func SetChunk(tl *Timeline, n int) { tl.chunk = maxChunk(n) }
