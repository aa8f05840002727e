## support — une personne à qui parler (flows/support.py)

help_support = Pour parler à une personne de l'équipe Tijara, écrivez « parler à quelqu'un ».
support_opened = C'est noté : une personne de l'équipe Tijara va vous répondre ici, { $when }. D'ici là, le bot se tait ; écrivez votre question, vos messages et vos photos lui arrivent. Votre dossier est gardé tel quel.
support_when_unknown = dès que possible
support_when_soon = dans les prochaines minutes
support_when_today = aujourd'hui à partir de { $time } (heure du Maroc)
support_when_tomorrow = demain à partir de { $time } (heure du Maroc)
support_when_day = { $day } à partir de { $time } (heure du Maroc)
support_day_0 = lundi
support_day_1 = mardi
support_day_2 = mercredi
support_day_3 = jeudi
support_day_4 = vendredi
support_day_5 = samedi
support_day_6 = dimanche
support_waiting = Une personne de l'équipe Tijara va vous répondre ici. Écrivez-lui ce que vous voulez, elle le lira.
support_answer = 💬 { $name } (équipe Tijara) :
    { $text }
support_closed = La conversation avec l'équipe Tijara est terminée. On reprend votre dossier là où vous en étiez.
words_support = parler à quelqu'un, conseiller, agent, support, humain, une personne, assistance
