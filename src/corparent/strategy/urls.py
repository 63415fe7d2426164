from django.urls import path

from corparent.strategy.views import plan, scrutiny

app_name = "strategy"

urlpatterns = [
    path("", plan.index, name="index"),
    path("new/", plan.strategy_create, name="strategy_create"),
    path("<int:strategy_id>/", plan.strategy_detail, name="strategy"),
    path("<int:strategy_id>/priorities/new/", plan.priority_create, name="priority_create"),
    path("<int:strategy_id>/consultation/new/", plan.consultation_create, name="consultation_create"),
    path("<int:strategy_id>/approve/", plan.strategy_approve, name="approve"),
    path("priorities/<int:priority_id>/items/new/", plan.item_create, name="item_create"),
    path("items/<int:plan_item_id>/", plan.item_detail, name="item"),
    path("items/<int:plan_item_id>/milestones/new/", plan.milestone_create, name="milestone_create"),
    path("milestones/<int:milestone_id>/done/", plan.milestone_done, name="milestone_done"),
    path("principles/", plan.principles, name="principles"),
    path("decisions/", plan.decision_list, name="decisions"),
    path("decisions/new/", plan.decision_create, name="decision_create"),
    path("decisions/<int:decision_id>/", plan.decision_detail, name="decision"),
    path("scrutiny/", scrutiny.review_list, name="scrutiny"),
    path("scrutiny/new/", scrutiny.review_create, name="review_create"),
    path("scrutiny/<int:scrutiny_review_id>/", scrutiny.review_detail, name="review"),
    path(
        "scrutiny/<int:scrutiny_review_id>/meetings/new/",
        scrutiny.review_meeting_create,
        name="review_meeting_create",
    ),
    path(
        "scrutiny/<int:scrutiny_review_id>/recommendations/new/",
        scrutiny.recommendation_create,
        name="recommendation_create",
    ),
    path("recommendations/<int:recommendation_id>/", scrutiny.recommendation_detail, name="recommendation"),
    path(
        "recommendations/<int:recommendation_id>/respond/",
        scrutiny.recommendation_respond,
        name="recommendation_respond",
    ),
    path(
        "recommendations/<int:recommendation_id>/track/",
        scrutiny.recommendation_track,
        name="recommendation_track",
    ),
]
