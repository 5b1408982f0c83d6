package tlseval

import (
	"context"
	"reflect"
	"testing"

	"github.com/datelinehq/dateline/internal/timeline"
)

// TestLOTONeverSeesTheLeftOutTopic runs leave-one-topic-out on two small
// T17 topics. With only the hand-set score to choose, it must reproduce a
// plain run; with fitted models, each left-out topic's model must be
// exactly the one fitted on the other topic's examples alone.
func TestLOTONeverSeesTheLeftOutTopic(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses two T17 topics")
	}
	ctx := context.Background()
	topics := []Topic{loadAnalysed(t, "egypt"), loadAnalysed(t, "haiti")}
	p := timeline.DefaultParams()
	p.Model = nil

	plain, err := Score(ctx, topics, Dateline(p), "", Report{})
	if err != nil {
		t.Fatal(err)
	}
	hand, choices, err := LOTO(ctx, topics, p, []Setting{{0, p.LeadDateRef}}, "", Report{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range plain.Tasks {
		if !reflect.DeepEqual(plain.Tasks[i].Scores, hand.Tasks[i].Scores) {
			t.Errorf("task %s/%d: LOTO with the hand-set score only scored %+v, a plain run %+v",
				plain.Tasks[i].Topic, plain.Tasks[i].Index, hand.Tasks[i].Scores, plain.Tasks[i].Scores)
		}
	}
	for _, c := range choices {
		if c.Beta != 0 {
			t.Errorf("%s: chose beta %g from {0}", c.Topic, c.Beta)
		}
	}

	_, choices, err = LOTO(ctx, topics, p, []Setting{{0.3, p.LeadDateRef}}, "", Report{})
	if err != nil {
		t.Fatal(err)
	}
	examples := TopicExamples(topics, p)
	for i, c := range choices {
		other := examples[1-i]
		if want := Fit(other, 0.3); c.Model != want {
			t.Errorf("%s: model %v, want the one fitted on %s alone %v", c.Topic, c.Model, topics[1-i].Name, want)
		}
		if all := Fit(append(append([]Example(nil), examples[0]...), examples[1]...), 0.3); c.Model == all {
			t.Errorf("%s: model equals the one fitted on both topics", c.Topic)
		}
	}
}
