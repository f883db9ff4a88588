using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;

namespace PulsePipeline.UnitTests.Messages;

/// <summary>A poisoned message keeps its body and gains its reason; an operator's description of it never shows answers or addresses.</summary>
public sealed class PoisonEnvelopeTests
{
    private static readonly ResponseMessage Response = new(
        "2027-03", "BZK/DGOO/Team Ä.1", new string('a', 64), Instruments.Current.Version, Instruments.Current.Items.ToDictionary(i => i.Id, _ => 4));

    [Fact]
    public void TheEnvelope_KeepsTheBodyAsItWas_WithReasonTimeAndDeliveries()
    {
        var body = QueueMessages.Serialize(Response);
        var at = new DateTimeOffset(2027, 3, 4, 10, 15, 0, TimeSpan.Zero);

        var read = PoisonEnvelope.TryParse(new PoisonEnvelope("responses", "the response names a wave that does not exist", at, 1, body).Serialize());

        Assert.NotNull(read);
        Assert.Equal(body, read.Message);
        Assert.Equal("the response names a wave that does not exist", read.Reason);
        Assert.Equal(at, read.PoisonedAt);
        Assert.Equal(1, read.Deliveries);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"waveId\":\"2027-03\"}")]
    [InlineData("{\"pulsePoison\":2,\"poisoned\":{}}")]
    public void ABareMessage_IsNotAnEnvelope(string body)
    {
        Assert.Null(PoisonEnvelope.TryParse(body));
    }

    [Fact]
    public void AnEnvelopeTooLargeForAQueue_IsTheBareMessage()
    {
        var large = new string('x', PoisonEnvelope.MaxBytes - 10);

        Assert.Equal(large, new PoisonEnvelope("invitations", "reason", DateTimeOffset.UnixEpoch, 1, large).Serialize());
    }

    [Fact]
    public void AResponse_IsDescribedWithoutItsAnswersOrTokenHash()
    {
        var summary = MessageSummary.Describe(QueueMessages.Serialize(Response));

        Assert.Equal("wave 2027-03, unit BZK/DGOO/Team Ä.1, answers not shown", summary);
    }

    [Fact]
    public void AnInvitationBatch_IsDescribedWithoutAddressesOrEmployees()
    {
        var batch = new InvitationBatch("2027-03", 1, "b-0007", [new Invitee("e1", "e1@x.example", "nl"), new Invitee("e2", "e2@x.example", "en")], Attempt: 13);

        var summary = MessageSummary.Describe(QueueMessages.Serialize(batch));

        Assert.Equal("wave 2027-03, round 1, batch b-0007, 2 invitee(s), attempt 13", summary);
    }

    [Theory]
    [InlineData("this is not json", "not JSON (16 characters, not shown)")]
    [InlineData("[1,2]", "a JSON array, not a message (5 characters, not shown)")]
    [InlineData("{\"answers\":{\"p1\":5}}", "answers not shown")]
    public void WhatDoesNotParse_IsMeasuredNotQuoted(string body, string summary)
    {
        Assert.Equal(summary, MessageSummary.Describe(body));
    }
}
