/**
 * What the crowd simulator's virtual viewers say and are called: chat lines in English, Korean and
 * Chinese (with emoji, and the short repeated cheers live rooms are full of, which exercise the
 * widget's spam folding), and nicknames. Data only. Written for this project.
 */

export type CrowdLanguage = 'en' | 'ko' | 'zh';

export const LINES: Readonly<Record<CrowdLanguage, readonly string[]>> = {
  en: [
    'hello from Berlin 👋',
    'first time here, this looks great',
    'the picture is so clear today',
    'can you say hi to my sister? 😄',
    'what time does the giveaway start?',
    'love this song 🎶',
    'lol 😂😂',
    'how much is the blue one?',
    'just joined, what did I miss?',
    'greetings from Toronto 🇨🇦',
    'you are the best streamer ❤️',
    'is there a replay later?',
    'my cat is watching too 🐱',
    'wow 🔥🔥🔥',
    'link in bio?',
    'sound is perfect now 👍',
    'good morning from Sydney ☀️',
    'that was amazing 👏👏',
    'more please!',
    'can you show it again?',
    'who else is watching at work 🙈',
    'happy birthday to the mod 🎂',
    'GG',
    '❤️❤️❤️',
  ],
  ko: [
    '안녕하세요 👋',
    '오늘 방송 너무 좋아요 ❤️',
    'ㅋㅋㅋㅋㅋ',
    '화질 진짜 좋다 👍',
    '처음 왔어요! 반가워요',
    '노래 제목이 뭐예요? 🎵',
    '대박 🔥',
    '서울에서 보고 있어요',
    '와 진짜 예쁘다 😍',
    '언제 다시 방송해요?',
    '퇴근길에 보는 중 🚇',
    '사랑해요 💕',
    '한 번만 더 보여주세요!',
    '최고예요 👏👏',
    '부산에서 인사드려요 🌊',
    'ㅎㅎㅎ 귀여워',
  ],
  zh: [
    '大家好 👋',
    '主播好漂亮 😍',
    '666',
    '哈哈哈哈 😂',
    '来自上海的问候',
    '这个多少钱？',
    '画质好清楚 👍',
    '第一次来，关注了 ❤️',
    '太好听了 🎶',
    '求链接 🙏',
    '好厉害 🔥🔥',
    '晚上好，刚下班',
    '再来一遍！',
    '支持主播 💪',
    '8888',
    '台北的朋友来了 🌃',
  ],
};

/** Weights of the languages in the simulated audience (sum 1). */
export const LANGUAGE_MIX: ReadonlyArray<[CrowdLanguage, number]> = [
  ['en', 0.45],
  ['ko', 0.25],
  ['zh', 0.3],
];

export const NICKS: readonly string[] = [
  'Mia', 'Leo', 'Ava', 'Noah', 'Zoe', 'Ethan', 'Luna', 'Kai', 'Ivy', 'Max', 'Nora', 'Sam',
  'PixelFox', 'NightOwl', 'coffee_lover', 'Skater99', 'moonlight', 'TacoTuesday',
  '지민', '서연', '민준', '하은', '도윤', '수아', '별빛', '고양이집사',
  '小雨', '阿杰', '晓明', '思思', '大鹏', '糖糖', '夜猫子', '吃货小王',
];
